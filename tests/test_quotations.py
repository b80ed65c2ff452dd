"""Quotations: which marks hold someone's words, who said them, on what
channel. Every example is invented; each names the rule it checks."""

from datetime import date

import pytest

from generator.extract import extract
from generator.places import gazetteer
from generator.quotations import NOT_STATED, cut_phrase
from generator.reading import load_rules, mentions, sentences


def quotes(text, outlet=None):
    return extract(text, "example", None, outlet, gazetteer({})).quotes


def speakers(text):
    return [(q.text, q.speaker) for q in quotes(text)]


# -- short phrases in marks ---------------------------------------------------


def test_a_word_or_two_someone_is_said_to_have_used_is_a_quotation():
    text = "Gen. Mara Linde said the early reports of a breach at the dam turned out to be \"bogus.\""
    assert speakers(text) == [("bogus.", "Mara Linde")]


def test_a_one_word_answer_with_its_attribution_is_a_quotation():
    text = 'Tomas Berg was asked whether the dam would hold. "Absolutely," he said.'
    assert speakers(text) == [("Absolutely,", "Tomas Berg")]


def test_a_word_in_marks_before_the_closing_attribution_is_the_speakers():
    # "Profit" opens a sentence and is met in lower case elsewhere: no name.
    text = ('Corvane Industries Inc. reported a loss on lower profit. '
            'Profit also suffered from "intense" price cutting, the company said.')
    assert speakers(text) == [("intense", "Corvane Industries Inc")]


@pytest.mark.parametrize("text", [
    "Queries can be saved as \"Smart folders\" on the disk, Ada Lind said.",
    "The rubber sleeves, or \"bumpers\", fit around the phone.",
    "Experts say the chips act as their \"brains\" inside the machine.",
    "The apps, commonly called \"widgets,\" were a hit, Dan Ruiz said.",
])
def test_a_term_or_label_in_marks_is_no_quotation_even_beside_a_verb_of_speech(text):
    assert quotes(text) == ()


def test_a_judgment_voiced_in_a_few_words_is_a_quotation_even_after_as():
    text = "Martin Fabi, the chief executive, said he viewed the decision as a \"very positive\" move."
    assert speakers(text) == [("very positive", "Martin Fabi")]


def test_a_long_passage_in_marks_is_someones_words_though_no_one_is_named():
    text = ("The accord set the limits: the firm may sell \"goods or services used to play, store or otherwise "
            "deliver such content\" but not records.")
    assert [q.text for q in quotes(text)] == [
        "goods or services used to play, store or otherwise deliver such content"
    ]


def test_a_word_a_speaker_gives_something_with_as_is_a_quotation():
    text = 'Police described the scene at the harbour as "horrific."'
    assert speakers(text) == [("horrific.", "Police")]


def test_words_someone_is_said_to_say_are_kept_though_who_cannot_be_told():
    text = '"I do not know yet," she said, when asked about her plans.'
    assert speakers(text) == [("I do not know yet,", None)]


# -- titles and names in marks ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Minister Anna Holt said on \"Meet The Voters With Dan Reeves\" that the vote would go ahead.",
    "The company unveiled its laptops at its \"Back to the Mac\" event, Ana Vidal said.",
])
def test_a_title_in_marks_is_no_quotation(text):
    assert quotes(text) == ()


# -- indirect speech by a body, and "the company" -----------------------------


def test_the_company_is_the_body_the_article_named_as_its_subject():
    text = ("Harlow Mills Inc. said it would close two plants.\n\n"
            "The Ohio company said it \"expects the long decline in orders to end next year.\"")
    assert speakers(text) == [("expects the long decline in orders to end next year.", "Harlow Mills Inc")]


def test_the_company_stays_a_description_when_no_body_was_named():
    text = 'Shares fell sharply as investors sold shares. The company said it "regrets the delay."'
    assert speakers(text) == [("regrets the delay.", "The company")]


def test_a_body_named_in_a_partial_quotation_with_an_apposition_keeps_the_name():
    text = ("Hallet-Prior, a Palo Alto, Calif., software company, said it bought the shares "
            "\"to build a lasting partnership with the maker.\"")
    assert speakers(text) == [("to build a lasting partnership with the maker.", "Hallet-Prior")]


def test_a_written_text_speaks_for_the_body_the_article_is_about():
    text = "Orbis Computer announced another event for October.\n\nThe invitation reads, \"One more thing...\""
    (quote,) = quotes(text)
    assert (quote.speaker, quote.channel) == ("Orbis Computer", "invitation")


def test_a_text_that_says_something_speaks_for_the_body_named_before_it():
    text = 'The shares rose after an Orvell announcement that it will explore options "to maximize shareholder value."'
    (quote,) = quotes(text)
    assert (quote.speaker, quote.channel) == ("Orvell", "announcement")


def test_the_department_is_the_department_named_before():
    text = ("The Justice Department backed the law. The department argued that the rule held "
            "\"even when the facts have changed.\"")
    assert speakers(text) == [("even when the facts have changed.", "Justice Department")]


def test_a_letter_to_a_body_is_not_that_bodys_words():
    text = ("Dutch regulators have concluded the merger is \"likely to harm\" buyers of consoles, "
            "according to a letter to Orvell filed in court last week.")
    assert speakers(text) == [("likely to harm", "a letter to Orvell")]


def test_a_forecast_speaks_for_the_body_that_made_it():
    text = ("Tourism \"will become increasingly important,\" according to a Kestrel Analytics\u2019 forecast in June.")
    assert speakers(text) == [("will become increasingly important,", "Kestrel Analytics")]


def test_the_statement_is_the_words_of_whoever_spoke_in_it_a_sentence_before():
    text = ("Two Vesta Airlines pilots died in a crash in the desert, the US military said in a statement on Monday. "
            "\"The cause of the crash is under investigation,\" the statement said.")
    (quote,) = quotes(text)
    assert (quote.speaker, quote.channel) == ("the US military", "statement")


# -- names of bodies and people ------------------------------------------------


def test_a_body_whose_name_holds_and_is_named_whole():
    text = ("The Trade and Markets Authority said a \"pause in the case\" would serve the public.")
    assert speakers(text) == [("pause in the case", "The Trade and Markets Authority")]


def test_a_description_runs_on_through_a_possessive_to_its_head():
    text = "A leader of the state\u2019s largest nurses union said lawmakers \"missed the mark\" on pay."
    assert speakers(text) == [("missed the mark", "A leader of the state\u2019s largest nurses union")]


def test_a_long_title_before_a_name_keeps_the_name_whole():
    text = ("Ohio State Nurses Association President Rita Hollen spoke to the crowd. "
            "\"The crisis is now,\" Hollen said.")
    assert speakers(text) == [("The crisis is now,", "Rita Hollen")]


@pytest.mark.parametrize("text, quoted, speaker", [
    ('"I do not think the case will go on," said U.S. Attorney Samuel Alden.', "I do not think the case will go on,", "Samuel Alden"),
    ('House Speaker Dale Morrow addressed the rally. "We hear you," Morrow said.', "We hear you,", "Dale Morrow"),
])
def test_a_speaker_is_named_after_the_title_before_the_name(text, quoted, speaker):
    assert speakers(text) == [(quoted, speaker)]


def test_a_sports_club_is_no_person():
    text = ("Rui Castro will manage the side. Rui Castro was sacked by Harford United in May. "
            "The 58-year-old said: \"I am excited to be here.\"")
    assert speakers(text) == [("I am excited to be here.", "Rui Castro")]


def test_an_age_alone_stands_for_the_person_the_story_is_about():
    text = ("Rui Castro agrees deal to replace Tom Pell\n\n"
            "Rui Castro has agreed a deal to replace Tom Pell as manager. "
            "Pell was sacked last night. Talks with Castro\u2019s agents went on for days. "
            "The 58-year-old said after his appointment: \"I am excited to be here.\"")
    assert speakers(text) == [("I am excited to be here.", "Rui Castro")]


def test_a_comparison_voiced_by_someone_is_their_words():
    text = "Lena Brook, director of a risk agency, compared the tactics to \"mafia methods in the police.\""
    assert speakers(text) == [("mafia methods in the police.", "Lena Brook")]


def test_a_name_right_after_a_quotation_closed_by_a_comma_is_no_sentence_opener():
    text = '"We will appeal the ruling," Lee\'s lawyer, Ann Ford, told reporters. "We will not stop," Ford continued.'
    assert [q.speaker for q in quotes(text)] == ["Ann Ford", "Ann Ford"]


def test_according_to_a_description_gives_the_words_to_the_name_in_apposition():
    text = 'The report found that "most families spend more on rent than on food," according to its author, Mary Kay Ash.'
    assert speakers(text) == [("most families spend more on rent than on food,", "Mary Kay Ash")]


def test_they_are_the_people_or_the_body_the_sentence_before_was_about():
    text = 'The protesters marched to the palace on Monday. "We want jobs," they chanted.'
    assert speakers(text) == [("We want jobs,", "The protesters")]


def test_who_right_after_a_phrase_in_the_same_stretch_is_that_phrase():
    text = 'The strike follows talks with six union leaders, including a driver who called the offer "an insult to every worker here."'
    assert speakers(text) == [("an insult to every worker here.", "a driver")]


def test_they_after_one_person_and_no_people_is_that_person():
    text = 'Pia Sorel, a spokesperson for the zoo, confirmed that keepers rotate shifts. "We track every animal," they said in an email.'
    assert speakers(text) == [("We track every animal,", "Pia Sorel")]


def test_written_in_the_present_perfect_is_a_verb_of_speech():
    text = '"We pay nothing," Rhea Talbot has written. "The buyer pays everything."'
    assert speakers(text) == [("We pay nothing,", "Rhea Talbot"), ("The buyer pays everything.", "Rhea Talbot")]


@pytest.mark.parametrize("after", ["another tenant, retired schoolteacher Omar Valdt", "one tenant, Omar Valdt, who has lived there for years"])
def test_a_description_after_the_verb_gives_way_to_the_name_in_apposition(after):
    assert speakers(f'"Rents will rise," said {after}.') == [("Rents will rise,", "Omar Valdt")]


def test_a_name_in_a_phrase_after_the_description_is_not_the_speakers():
    assert speakers('"Rents will rise," said a spokesman, an aide to Omar Valdt.') == [("Rents will rise,", "a spokesman")]


@pytest.mark.parametrize("verb", ["recalls", "explains", "admits", "jokes", "laughed", "emailed", "texted", "points out", "went on", "mused", "countered"])
def test_the_verbs_of_speech_of_features_and_profiles_name_their_speaker(verb):
    text = f'"We had no idea the market would turn so fast," Jane Doe {verb}.'
    assert speakers(text) == [("We had no idea the market would turn so fast,", "Jane Doe")]


@pytest.mark.parametrize("opening", ["Overall, it said,", "Ultimately, the firm said,", "Afterward, the firm said,"])
def test_a_word_opening_a_sentence_before_a_comma_is_no_name_unless_described(opening):
    text = f'Acme Corp. posted a loss on Monday. {opening} "the year was hard."'
    assert speakers(text) == [("the year was hard.", "Acme Corp")]


def test_an_adverb_opening_a_sentence_is_no_name_for_it_to_stand_for():
    text = ("The Electoral Commission issued a statement warning that \u201cvoters are entitled to openness.\u2019\u2019 "
            "Critically, however, it pointed out that it has no \u201crole in regulating campaign content.\u2019\u2019")
    assert [q.speaker for q in quotes(text)] == ["Electoral Commission", "Electoral Commission"]


def test_a_question_is_the_speakers_whose_name_and_verb_follow_it():
    text = 'Tom Lee spoke first. "Is this the end of the line for the firm?" Jane Doe asked.'
    assert speakers(text) == [("Is this the end of the line for the firm?", "Jane Doe")]


def test_words_signed_with_a_dash_and_a_name_are_that_persons():
    text = '"We are very pleased with the results so far" \u2014 Jane Doe, chief executive of Acme.'
    assert speakers(text) == [("We are very pleased with the results so far", "Jane Doe")]


def test_a_persons_post_speaks_for_them():
    text = 'Jane Doe\'s post said, "We are very pleased with the results so far."'
    assert speakers(text) == [("We are very pleased with the results so far.", "Jane Doe")]


# -- how a speaker is introduced ----------------------------------------------


@pytest.mark.parametrize("text, speaker", [
    ('"The lingering cost could be high," worries former national security adviser Zora Brandt.', "Zora Brandt"),
    ('Says Omar Haddad, a fund manager in Boston: "It is a time bomb waiting to go off."', "Omar Haddad"),
    ('"We will not retreat from the border," a senior U.S. official told reporters.', "a senior U.S. official"),
    ('"Why hold a vote at all?" asked Ivo Petrov, a clerk in the town of Varna.', "Ivo Petrov"),
    ('Replied State Department spokesman Rick Bolton, "We have nothing to add."', "Rick Bolton"),
    ('"It is a cosmetic move," said analyst Jon Gell of Werner Brothers.', "Jon Gell"),
])
def test_the_speaker_named_around_a_verb_other_than_said(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


def test_a_verb_joined_by_and_has_the_subject_of_the_verb_before():
    text = 'Dana Pike said the deal was "all but done" and added that the talks were "over."'
    assert [q.speaker for q in quotes(text)] == ["Dana Pike", "Dana Pike"]


def test_a_text_written_by_someone_speaks_for_its_author():
    text = 'The memo, written by chief executive Paul Grant, warned that profits would be "significantly lower."'
    (quote,) = quotes(text)
    assert (quote.speaker, quote.channel) == ("Paul Grant", "memo")


def test_a_title_alone_stands_for_the_person_who_holds_it():
    text = 'President Ilse Marr was asked about the tax. The president responded, "Never, never."'
    assert speakers(text) == [("Never, never.", "Ilse Marr")]


def test_words_a_sentence_introduces_with_a_comma_are_its_subjects():
    text = ("After the hearing Mayor Jon Paik extended an invitation to the union, "
            "\"come and talk to us any day you like, we will listen\".")
    assert [q.speaker for q in quotes(text)] == ["Jon Paik"]


def test_the_subject_speaks_not_the_one_it_answers():
    text = ("Ada Byrne criticised the plan on Monday.\n\n"
            "Carl Munk responded to Ada Byrne on his blog: \"The plan is sound and we will keep it.\"")
    (quote,) = quotes(text)
    assert (quote.speaker, quote.channel) == ("Carl Munk", "blog")


def test_a_name_in_the_employer_before_a_name_is_not_the_speaker():
    text = '"Sales have been eaten away by oats," says Merrin Dale food analyst Will Magee.'
    assert speakers(text) == [("Sales have been eaten away by oats,", "Will Magee")]


def test_a_pronoun_in_an_opening_clause_points_to_the_subject_after_it():
    text = ("Raul Ortiz ran the plant for years. Although he called the market \"highly competitive,\" "
            "Mr. Vance, the chairman, forecast higher earnings.")
    assert speakers(text) == [("highly competitive,", "Vance")]


def test_the_official_is_the_official_described_before():
    text = ('"He will back down," says one senior administration official involved in the talks. '
            'The official adds that "he can still be reasoned with, when it comes to power."')
    assert [q.speaker for q in quotes(text)] == ["one senior administration official"] * 2


def test_said_the_singer_is_the_person_the_article_is_about():
    text = ("Lena Marsh was voted off the talent show on Monday. Marsh had danced twice. "
            "Judges praised Marsh's second routine, and host Tom Bale thanked her. "
            '"It brings you closer together," said the singer.')
    assert [q.speaker for q in quotes(text)] == ["Lena Marsh"]


def test_the_striker_is_the_one_the_article_called_striker_not_the_one_it_is_about():
    text = ("Ivo Petrak saved a penalty on Tuesday. Petrak has six clean sheets this season, and Petrak leads the league. "
            "Ten minutes later, striker Dana Whitt scored. "
            '"He kept us in it," the striker said.')
    assert [q.speaker for q in quotes(text)] == ["Dana Whitt"]


def test_a_role_no_one_dominant_was_given_stays_a_description():
    text = ("Ivo Petrak and Mark Olsen scored on Tuesday. "
            '"We deserved it," the striker said.')
    assert [q.speaker for q in quotes(text)] == ["the striker"]


@pytest.mark.parametrize("sentence, speaker", [
    ('Officials said "the enclosure was safe."', "Officials"),
    ('Firefighters yelled "Get out of there!" as the boy fell.', "Firefighters"),
    ('Rescuers screamed, "Hold on, we are coming!"', "Rescuers"),
])
def test_people_described_by_what_they_do_speak_even_opening_the_sentence(sentence, speaker):
    assert [q.speaker for q in quotes("The zoo closed on Monday.\n\n" + sentence)] == [speaker]


def test_the_governor_is_the_one_named_gov_before_even_after_another_speaker():
    text = ('Gov. Ana Reyes signed the bill on Monday. Mayor Tim Olds said the city would pay its share. '
            '"It is a budget for growth," the Democratic governor said.')
    assert [q.speaker for q in quotes(text)] == ["Ana Reyes"]


def test_the_spokesman_after_a_minister_spoke_over_several_paragraphs_is_that_minister():
    text = ('Trade Minister Omar Sadik said the state paid only part of the bill.\n\n'
            '"The delegation paid for its own seats."\n\n'
            '"The rest came from the budget for official visits."\n\n'
            '"So it is fair to say the state paid its share," the government spokesman said.')
    assert [q.speaker for q in quotes(text)] == ["Omar Sadik"] * 3


def test_the_spokesman_is_not_a_speaker_before_a_sentence_about_someone_else():
    text = ('Lia Ross said the port was closed. Tom Berg was arrested at the gate on Monday. '
            '"We will appeal the ruling," the spokesman said.')
    assert [q.speaker for q in quotes(text)] == ["the spokesman"]


def test_a_title_like_superintendent_before_a_name_marks_a_person_found_later_by_surname():
    text = ('Police Superintendent Pedro Alves urged calm. '
            '"There has been an increase in this kind of crime," Alves said.')
    assert [q.speaker for q in quotes(text)] == ["Pedro Alves"]


@pytest.mark.parametrize("text, speaker", [
    ('Two ports closed their gates, with Harbour Minister Ilka Voss warning of "long queues at sea".', "Ilka Voss"),
    ('Ambassador Anton Melk denied the charge, calling it a "pure show" and asserting that the raids "targeted only the depots."',
     "Anton Melk"),
    ('In a sign of the strain, the Water Board, which runs the dams, issued a statement warning that '
     '"supplies will be cut before the summer is out."', "the Water Board"),
])
def test_a_participle_of_speech_is_said_by_the_one_named_before_it(text, speaker):
    assert {q.speaker for q in quotes(text)} == {speaker}


def test_a_participle_after_a_name_in_apposition_is_said_by_the_clauses_subject():
    text = ('Ilse Marr also claimed that the mayor was behind the raid on her party, the Green Union, '
            'stating: "It is personal and nothing else."')
    assert [q.speaker for q in quotes(text)] == ["Ilse Marr"]


def test_a_past_participle_phrase_before_the_subject_is_no_subject():
    text = ('At a council session on the flood, held at the request of Dravia, Ambassador Piet Lorn denied the charge, '
            'asserting that the dams "were opened on time."')
    assert [q.speaker for q in quotes(text)] == ["Piet Lorn"]


@pytest.mark.parametrize("text, speaker", [
    ('Lawmakers questioned the prosecutors. Prosecutors alleged that Mr. Vane "took the money and ran" from the firm.', "Prosecutors"),
    ('A spokesperson for the Trade Office reiterated that tariffs "are a last resort and will stay so."',
     "A spokesperson for the Trade Office"),
    ('"In hindsight, the closure could have waited a day," the review concludes.', "the review"),
])
def test_verbs_that_attribute_words_beyond_said(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


def test_a_verb_of_speech_after_an_article_or_a_possessive_is_a_noun_and_gives_no_one_words():
    text = ('Ilan Rosh said the move was meant to make the Dravians give up their claims to the valley.\n\n'
            '"They wanted us on our knees. We will stand."')
    assert [q.speaker for q in quotes(text)] == ["Ilan Rosh"]


def test_a_country_that_characterized_someone_in_a_word_said_it():
    text = 'Troops left for France on Monday. France has characterized Vell as the "architect" of the raids, which Spanish figures say killed 40.'
    assert speakers(text) == [("architect", "France")]


@pytest.mark.parametrize("text, speaker", [
    ('"The bay is shallow, more of a pond than a sea," Ida Varga, a marine geologist at the University of Lund in Malmo told reporters.',
     "Ida Varga"),
    ("On Monday, the navy's chief spokesman, Rear Admiral Piet Holm, said the port would stay shut. "
     '"There is no other way," he told a radio station.', "Piet Holm"),
    ('Mayor Jon Paik has been eager to sell, but General Ruth Amos, head of the harbour board, '
     'told reporters the docks would stay open "for several more years".', "Ruth Amos"),
])
def test_a_speaker_named_before_a_long_description_or_after_a_rank_is_the_named_person(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


def test_words_closed_by_a_comma_are_the_ones_named_after_them_not_an_earlier_speaker_in_the_sentence():
    # (no sentence break is found after "U.K.", so both verbs are in one sentence)
    text = ('Acme Corp said that its focus now turns back to the U.K. "While we disagree with the ruling, we will '
            'look for a way ahead," President Dana Holt said in a statement.')
    assert [q.speaker for q in quotes(text)] == ["Dana Holt"]


def test_an_opening_phrase_without_a_comma_is_not_the_subject():
    text = "Crowds came on Wednesday. On social media the Harbour Police said: ‘A further 20 people have gathered.’"
    assert [q.speaker for q in quotes(text)] == ["the Harbour Police"]


def test_a_passive_verb_of_speech_gives_the_words_to_the_one_named_after_by_and_to_no_one_without_it():
    text = ('The old bill had been described by the tenants charity Roofline as a "once-in-a-generation chance". '
            'Lena Ruiz was asked about the letter the envoy was said to be carrying. '
            'In an interview, she said: "I do not think the envoy would travel without good news."')
    assert [q.speaker for q in quotes(text)] == ["Roofline", "Lena Ruiz"]


def test_a_description_ends_before_a_subordinate_clause():
    text = '"We received an inquiry and are cooperating," said a Lumen spokesperson when contacted by a reporter.'
    assert [q.speaker for q in quotes(text)] == ["a Lumen spokesperson"]


@pytest.mark.parametrize("text, speaker", [
    ('Omar Sadik is the head of the Harbour Union in Lisbon, which says on its site that it aims to "protect the rights of dock workers."',
     "Harbour Union"),
    ('Voters heard rhetoric from the Green League, which tried to rally support by saying that rivals were "coming out in droves."',
     "Green League"),
])
def test_which_stands_for_the_body_named_before_it_not_the_person_or_place(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


# -- he, she and the last speaker ---------------------------------------------


def test_he_after_an_unnamed_speaker_stays_with_that_speaker():
    text = ('Mark Olsen, an engineer, said the bridge was safe. "We checked it twice," said a city spokesman. '
            'To close it now "would not be an option," he said.')
    assert [q.speaker for q in quotes(text)] == ["a city spokesman", "a city spokesman"]


def test_she_is_the_one_last_said_to_speak_not_a_place_named_since():
    text = ('"I have not seen a pattern yet," said Patricia Ruh, the Essex County prosecutor. '
            '"The risk these women face is high," she said.')
    assert [q.speaker for q in quotes(text)] == ["Patricia Ruh", "Patricia Ruh"]


def test_words_with_no_verb_keep_the_last_speaker_not_a_place_named_since():
    text = ('"The regime is finished," says Nora Vance, a Middle East scholar at Carter College. '
            '"These men never retire."')
    assert [q.speaker for q in quotes(text)] == ["Nora Vance", "Nora Vance"]


def test_he_after_an_opening_clause_is_the_person_that_clause_is_about_not_the_last_speaker():
    text = ('"We hope both men recover soon," said spokeswoman Lia Brandt. '
            'When President Omar Fell first announced the swap last week, he said the prisoners would not fight again. '
            'He also said he hoped the swap would "open the door" to talks.')
    assert [q.speaker for q in quotes(text)] == ["Lia Brandt", "Omar Fell"]


def test_she_after_it_was_x_who_is_x():
    text = ('Ada Kern closed the day with a win.\n\n'
            'Before that, it was Mira Holt who got the ball rolling with a quick victory over Tia Dunn.\n\n'
            '"I hope I started everyone off well," she told a radio host.')
    assert [q.speaker for q in quotes(text)] == ["Mira Holt"]


def test_a_quotation_after_indirect_speech_is_the_same_speakers():
    text = ("Prime Minister Alan Reed said Queen Maud follows the debate closely. "
            "\"She is a democrat at heart, and she knows it is our business.\"")
    assert [q.speaker for q in quotes(text)] == ["Alan Reed"]


def test_a_surname_is_the_person_of_that_name_most_recently_in_play():
    text = ("Saddam Hussein sent a letter to the king. King Hussein met the envoy on Monday. "
            "\"There is no deal yet,\" Hussein said.")
    assert [q.speaker for q in quotes(text)] == ["King Hussein"]


def test_a_name_set_before_the_words_as_in_a_transcript_is_the_speaker():
    text = "Defence lawyer Rosa Wechsler spoke after the hearing.\n\nWechsler on Thursday “We will appeal the ruling.”"
    assert [q.speaker for q in quotes(text)] == ["Rosa Wechsler"]


def test_a_paragraph_of_words_alone_is_the_person_the_paragraph_before_is_about():
    text = ("Lena Ruiz, 41, told a local radio host that the vote was \"a closed affair.\"\n\n"
            "She regretted the fact that the miners, who work the deepest seams, were never heard.\n\n"
            "\"Nobody asked the people who go underground.\"\n\n"
            "Tomas Hale won his match in two hours, beating Ivo Lund in straight sets.\n\n"
            "\"Playing here again feels like coming home.\"")
    assert [q.speaker for q in quotes(text)] == ["Lena Ruiz", "Lena Ruiz", "Tomas Hale"]


def test_a_quoted_heading_after_a_paragraph_about_someone_is_not_theirs():
    text = "Tomas Hale won his match in two hours.\n\n\"A long way from home\"\n\nThe final is on Sunday."
    assert [q.speaker for q in quotes(text)] in ([], [None])


# -- channels ---------------------------------------------------------------


@pytest.mark.parametrize("text, channel", [
    ('Rita Okafor told a news conference on Monday that the plan was "dead on arrival."', "news conference"),
    ('In a filing with regulators, Dorran Corp. said it "intends to seek control" of the unit.', "filing"),
    ('As Justice Sam Ortega asked in a strong dissent, "what sense does it make" to keep the rule?', "dissent"),
    ('"We have talked only about security," Uri Lavi told Israel\'s Channel Two.', "television"),
    ('"Fight them," Saddam Hussein urged in a radio address.', "radio address"),
])
def test_the_channel_is_the_articles_word_in_the_attributing_sentence(text, channel):
    assert [q.channel for q in quotes(text)] == [channel]


def test_the_channel_is_not_read_from_inside_the_quoted_words():
    text = '"With respect, the judge has reached the wrong conclusion," said Neil Aspen.'
    assert [q.channel for q in quotes(text)] == [NOT_STATED]


def test_the_channel_is_not_borrowed_from_another_speakers_sentence():
    text = 'In a statement, the ministry said the talks had failed. "We will not sign," Ana Ruiz said.'
    assert [(q.speaker, q.channel) for q in quotes(text)] == [("Ana Ruiz", NOT_STATED)]


def test_a_statement_talked_about_is_not_the_channel():
    text = 'Mr. Tell calls the price cuts "a loser\'s game for the small brewers," and said the rival\'s statement was a warning.'
    assert [q.channel for q in quotes(text)] == [NOT_STATED]


# -- names and sentences --------------------------------------------------------


def test_us_never_splits_into_a_name():
    text = "Col. Amy Tran of the U.S. Air Force flew in."
    names = [m.name for m in mentions(text, load_rules(), lambda words: False)]
    assert "S. Air Force" not in names and "Air Force" in names


def test_a_place_with_its_state_and_a_place_turned_adjective_are_no_people():
    text = "The Palo Alto, Calif., firm bought Atlanta-based BellSouth shares."
    people = [m.name for m in mentions(text, load_rules(), lambda words: False) if m.person]
    assert people == []


def test_a_sentence_ends_before_an_opening_double_backquote():
    text = "``We will defend the north,'' said Eitan. ``No one wants to stay.''"
    assert len(sentences(text, load_rules())) == 2


def test_a_common_word_that_opens_a_sentence_is_no_body_a_report_belongs_to():
    text = (
        "The report faulted the district. Cafeteria workers were sent home. "
        "\"The district acted in haste and without a plan,\" according to the report."
    )
    assert speakers(text) == [("The district acted in haste and without a plan,", "the report")]


def test_words_in_single_curly_marks_are_quotations_and_apostrophes_are_not():
    text = (
        "The King said the government would ‘get Britain building again’. "
        "‘We will not hesitate to act,’ the Prime Minister said on Wednesday. "
        "Workers’ rights were not mentioned, and unions don’t expect them."
    )
    assert speakers(text) == [("get Britain building again", "The King"), ("We will not hesitate to act,", "the Prime Minister")]


def test_words_in_straight_single_marks_are_quotations_where_the_article_has_no_double_marks():
    text = (
        "The zoo's director defended the decision on Sunday. "
        "'We stand by our decision,' said Thane Maynard. 'It was a very sad day.' "
        "It's the first time the '90s exhibit has closed."
    )
    assert speakers(text) == [("We stand by our decision,", "Thane Maynard"), ("It was a very sad day.", "Thane Maynard")]


@pytest.mark.parametrize("mark", ["‘", "'"])
def test_a_single_mark_opens_words_at_the_texts_start_and_after_a_line_break_or_a_dash_not_after_a_letter(mark):
    close = "’" if mark == "‘" else "'"
    text = (
        f"{mark}We stand by it,{close} said Thane Maynard.\n{mark}It was a sad day,{close} he said. "
        f"The zoo—{mark}a home for all,{close} its sign says—closed. Its director{mark}s view was plain."
    )
    assert [q for q, _ in speakers(text)] == ["We stand by it,", "It was a sad day,", "a home for all,"]


def test_straight_single_marks_are_apostrophes_where_the_article_quotes_with_double_marks():
    text = "\"We will rebuild,\" said Ana Ruiz. The 'new town' plan was dropped."
    assert speakers(text) == [("We will rebuild,", "Ana Ruiz")]


def test_a_single_mark_after_a_word_closes_a_phrase_the_sentence_gives_no_other_end():
    text = "Workers said the ‘unfair’ rules hurt them. ‘We backed the workers’ union,’ Mara Olsen said."
    assert speakers(text) == [("unfair", "Workers"), ("We backed the workers’ union,", "Mara Olsen")]


def test_a_number_that_opens_a_sentence_is_not_part_of_a_name():
    text = "Two United States service members were killed on Tuesday."
    names = [m.name for m in mentions(text, load_rules(), lambda words: False)]
    assert names == ["United States"]


def test_words_a_report_states_are_the_reports_not_the_outlets():
    text = "The Times obtained the report on Friday. “The objective was to identify the sender,” the report states."
    assert [q.speaker for q in extract(text, "x", date(2016, 12, 16), "The Times", gazetteer({})).quotes] == ["the report"]


def test_words_a_statement_gives_are_the_bodys_the_article_is_about():
    text = "Acme Corp. cut 200 jobs on Monday. “We regret the decision,” the statement said."
    assert [q.speaker for q in extract(text, "x", date(2016, 12, 16), "The Times", gazetteer({})).quotes] == ["Acme Corp"]


def test_a_quotation_closed_by_two_right_single_marks_is_closed_there():
    text = "“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told the BBC on Tuesday."
    quotes = extract(text, "x", date(2019, 11, 20), "AP", gazetteer({})).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("It was an attempt to mislead voters,", "Will Moy")]


def test_a_speaker_named_after_a_long_apposition_that_goes_on_with_and_is_found():
    text = (
        '"Numerical experiments are successful when you get out more than you put in," Dylan Nelson, a postdoctoral '
        'fellow at the Max Planck Institute for Astrophysics in Munich, Germany, and co-author of the study, said in a statement.'
    )
    assert [q.speaker for q in extract(text, "x", date(2019, 11, 19), "AP", gazetteer({})).quotes] == ["Dylan Nelson"]


def test_she_said_is_not_the_last_speaker_when_he_is_told_he():
    text = (
        "Senator Ben Sasse questioned the director on Tuesday.\n\n"
        "“Heads needed to roll,” he said.\n\n"
        "Director Kathleen Hawk Sawyer said she could not comment on the investigation.\n\n"
        "“We do not want those people” in federal prisons, she said."
    )
    quotes = extract(text, "x", date(2019, 11, 19), "AP", gazetteer({})).quotes
    assert [q.speaker for q in quotes] == ["Ben Sasse", "Kathleen Hawk Sawyer"]


def test_words_opened_by_a_curly_mark_may_close_with_a_straight_one():
    text = "“It would be critical to do it in a step-down fashion,\" said Lisa Boesky, a psychologist."
    quotes = extract(text, "x", date(2019, 11, 19), "AP", gazetteer({})).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("It would be critical to do it in a step-down fashion,", "Lisa Boesky")]


def test_words_opened_by_a_straight_mark_may_close_with_a_curly_one():
    text = '"These guards are not the only ones who should stand trial,” Sasse said.\n\nDirector Kathleen Hawk Sawyer said she could not comment.'
    quotes = extract(text, "x", date(2019, 11, 19), "AP", gazetteer({})).quotes
    assert [q.text for q in quotes] == ["These guards are not the only ones who should stand trial,"]


def test_the_56_year_old_who_speaks_is_the_person_the_story_tells_of():
    text = 'Jose Mourinho was appointed Tottenham manager on Wednesday.\n\nThe 56-year-old said after his appointment: "I am excited to be joining a club with such a great heritage."'
    assert [q.speaker for q in extract(text, "x", date(2019, 11, 20), "AP", gazetteer({})).quotes] == ["Jose Mourinho"]


def test_a_ministry_owned_by_a_country_keeps_the_country_in_its_name():
    text = "Troops from Russia arrived on Monday.\n\n“The move contradicts the legal footing for a peace deal,” Russia's foreign ministry said on Tuesday."
    assert [q.speaker for q in extract(text, "x", date(2019, 11, 19), "AP", gazetteer({})).quotes] == ["Russia's foreign ministry"]


def test_she_is_never_the_speaker_named_as_mr():
    assert speakers('Mr Tan arrived on Monday. "We will win," she said.') == [("We will win,", None)]


def test_a_word_in_ing_opening_a_sentence_before_a_name_is_no_given_name():
    text = 'Marc Benioff welcomed Tim Cook on Tuesday. Hosting Cook at Dreamforce "is our dream," Benioff said. "I can feel him here," Cook said.'
    assert speakers(text) == [("is our dream,", "Marc Benioff"), ("I can feel him here,", "Tim Cook")]


@pytest.mark.parametrize("verb", ["weighed in", "chimed in"])
def test_weighing_in_and_chiming_in_are_speech(verb):
    text = f'Marc Benioff spoke on Tuesday.\n\nSteve Jobs would stop by his office. It made him a great leader.\n\n"We all miss Steve so much," Benioff {verb}.'
    assert speakers(text) == [("We all miss Steve so much,", "Marc Benioff")]


@pytest.mark.parametrize("text, expected", [
    ('Hana Ito spoke on Saturday. During the session, Ito was asked, "Do you feel any guilt?" She said she did.', [("Do you feel any guilt?", None)]),
    ('Hana Ito spoke on Saturday. When she was asked, "Will you resign?" Ito responded: "We will decide soon."', [("Will you resign?", None), ("We will decide soon.", "Hana Ito")]),
    ('Hana Ito spoke on Saturday. "Genocide was enabled," Ito began, before being asked again if she would say it.', [("Genocide was enabled,", "Hana Ito")]),
])
def test_a_question_put_to_someone_is_not_their_words(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ('The agency studied hibernation. "We worked on the architecture," comments Robin Biesbroek of the CDF.', "Robin Biesbroek"),
    ('The agency studied hibernation. "Hibernation has been proposed," explains SciSpacE Team Leader Jennifer Ngo-Anh.', "Jennifer Ngo-Anh"),
    ('Roads were icy on Monday. "We will decide," said Highway Patrol Chief James Hall.', "James Hall"),
    ('Head coach Bill Smith spoke on Monday. "We lost," said Head Coach Bill Smith.', "Bill Smith"),
])
def test_a_role_in_capitals_before_a_name_is_no_part_of_it(text, speaker):
    assert [s for _, s in speakers(text)] == [speaker]


def test_a_name_with_a_plural_verb_is_a_body_that_they_stands_for():
    text = 'Big Machine have twice denied doing anything wrong.\n\n"At no point did we block her," they said in a statement.'
    assert speakers(text) == [("At no point did we block her,", "Big Machine")]


def test_short_words_a_verb_of_speech_gives_are_a_quotation_though_no_one_is_named():
    assert speakers('Police named the driver. A man said: "We want answers."') == [("We want answers.", "A man")]


@pytest.mark.parametrize("text, speaker", [
    ('Police named the driver as Carl Dunn. His brother said: "We want answers."', "Carl Dunn's brother"),
    ('Police named the driver as Carl Dunn. His brother Eli Dunn said: "We want answers."', "Eli Dunn"),
    ('Police named the driver as Carl Dunn. Her mother, Ana Dunn, said: "We want answers."', "Ana Dunn"),
])
def test_someone_described_by_whose_they_are_speaks_under_that_name(text, speaker):
    assert [s for _, s in speakers(text)] == [speaker]


def test_he_added_after_a_relative_is_the_relative():
    text = 'Police named the driver as Carl Dunn. Her mother, Ana Dunn, said: "We want answers." She added: "The road was never lit."'
    assert [s for _, s in speakers(text)] == ["Ana Dunn", "Ana Dunn"]


def test_a_name_set_off_after_someones_role_is_who_speaks():
    text = 'Paul Renner was jailed on Thursday. Renner\'s successor, Mayor Lise Hart, said the town could now "move on".'
    assert speakers(text) == [("move on", "Lise Hart")]


def test_a_name_set_off_after_a_role_is_who_speaks_not_the_last_speaker():
    text = 'The striker Jon Berg scored twice. "We were ready," Berg said.\n\nThe coach, Eli Marsh, said: "We want more."'
    assert [s for _, s in speakers(text)] == ["Jon Berg", "Eli Marsh"]


def test_a_dateline_with_a_day_is_no_speaker():
    assert speakers("LIMA, 3 May — The ruling party's newspaper called the strike \"reckless\".") == [("reckless", "The ruling party's newspaper")]


def test_a_description_keeps_the_name_that_owns_it():
    text = "SEOUL, Aug. 20 (Yonhap) -- North Korea's main newspaper called the drill \"a grave provocation\" on Tuesday."
    assert speakers(text) == [("a grave provocation", "North Korea's main newspaper")]


@pytest.mark.parametrize("text", [
    'Winger Jon Ekberg posted a video on Sunday. The Sweden forward, 24, said: "We need clarity first."',
    'Winger Jon Ekberg posted a video on Sunday. "We need clarity first," said the Sweden forward, 24.',
])
def test_a_role_given_an_age_is_the_person_just_named(text):
    assert [s for _, s in speakers(text)] == ["Jon Ekberg"]


def test_a_role_given_an_age_is_not_the_person_the_story_is_most_about():
    text = (
        "Jon Ekberg scored twice on Saturday. Jon Ekberg was named man of the match. Coach Lars Berg praised the team on Sunday. "
        'The Sweden coach, 52, said: "We were brilliant."'
    )
    assert speakers(text) == [("We were brilliant.", "Lars Berg")]


def test_a_role_without_an_age_stays_a_description():
    assert speakers('Ivo Brandt resigned on Monday. The minister said: "We will act."') == [("We will act.", "The minister")]


def test_a_plural_role_joined_by_a_hyphen_is_no_part_of_the_name_after_it():
    text = 'Singer-guitarists Tom Johnston and Patrick Simmons formed the band. "We are excited," Johnston said in a statement.'
    assert [s for _, s in speakers(text)] == ["Tom Johnston"]


# -- a speaker is a whole noun phrase, never a fragment of a clause -------------


@pytest.mark.parametrize("words", [
    "Lisbon considers the island part of its", "On one forum page an", "The secret of Norvik's", "Norway’s joining", "the Danish and",
])
def test_words_cut_before_the_head_of_their_phrase_are_no_speaker(words):
    assert cut_phrase(words, load_rules())


@pytest.mark.parametrize("words", ["Ana Reyes", "the filing", "a spokesman", "the King", "someone", "Beijing"])
def test_a_name_or_a_whole_description_is_a_speaker(words):
    assert not cut_phrase(words, load_rules())


def test_a_name_followed_by_its_verb_is_the_speaker_not_the_clause_it_opens():
    text = "Corvane Industries considers the plant part of its holdings and has vowed to keep it, calling the sale a “grave mistake” on Monday."
    assert speakers(text) == [("grave mistake", "Corvane Industries")]


def test_a_speaker_set_off_inside_the_sentence_is_the_one_named_after_says():
    text = 'The secret of Norvik\'s growth, says Ana Reyes, is its network. "We own the pipes," she says.'
    assert speakers(text) == [("We own the pipes,", "Ana Reyes")]


def test_the_subject_inside_a_that_clause_is_not_the_speaker():
    text = "During the campaign, Ines Varga said that Norway’s joining a meeting of states parties as an observer was an “option.”"
    assert speakers(text) == [("option.", "Ines Varga")]


def test_a_place_in_an_opening_phrase_is_not_the_speaker_and_the_description_stops_at_its_verb():
    text = "On one forum page an anonymous user put up a photo and wrote that the mural was “an eyesore and a disgrace.”"
    assert speakers(text) == [("an eyesore and a disgrace.", "an anonymous user")]


def test_a_second_verb_joined_by_and_shares_the_subject_of_the_first():
    text = "Russia's foreign ministry said it viewed the move as \"a grave step\" against the spirit of the accord and said it would respond."
    assert speakers(text) == [("a grave step", "Russia's foreign ministry")]


def test_a_place_with_its_article_speaks_as_a_body():
    assert speakers("The UK has urged an “end to the violence and a return to talks”.") == [("end to the violence and a return to talks", "The UK")]


def test_two_names_sharing_their_noun_are_one_speaker():
    text = "In a joint statement on Friday, the Danish and Swedish foreign ministries accused the smugglers of running “floating prisons” at sea."
    assert speakers(text) == [("floating prisons", "the Danish and Swedish foreign ministries")]


def test_an_office_set_off_before_the_name_of_who_holds_it_is_that_person():
    text = "MEC for Roads and Transport, Ilse Marot, said the roads would stay “open as long as the rain allows.”"
    assert speakers(text) == [("open as long as the rain allows.", "Ilse Marot")]


def test_two_roles_joined_by_and_before_a_name_are_that_persons():
    text = '"The dunes are older than we thought," NASA geologist and study co-author Mira Holt said.'
    assert speakers(text) == [("The dunes are older than we thought,", "Mira Holt")]
