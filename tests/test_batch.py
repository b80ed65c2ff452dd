"""Several files in one call: `timeline dates A B C`, and the helper that
shares any command's files between the cores."""

import json
import os
import time

from conftest import timeline, write

from generator.batch import each_file

TEXTS = {
    "one.txt": "Rebels said on Monday they had left over the weekend.",
    "two.txt": "Talks will resume on Friday; earlier, they stalled.",
    "three.txt": "Nothing was dated here.",
}


def test_dates_of_several_files_in_jsonl_is_one_line_per_file_in_their_order(tmp_path):
    for name, text in TEXTS.items():
        write(tmp_path / name, text)
    result = timeline("dates", *TEXTS, "--dct", "2016-12-12", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == list(TEXTS)
    for name, line in zip(TEXTS, lines):
        alone = timeline("dates", name, "--dct", "2016-12-12", cwd=tmp_path)
        assert line["dates"] == json.loads(alone.stdout)
    assert [d["value"] for d in lines[0]["dates"]] == ["2016-12-12", "2016-W49-WE"]


def test_dates_of_several_files_as_json_and_text_name_each_file(tmp_path):
    for name, text in TEXTS.items():
        write(tmp_path / name, text)
    as_json = timeline("dates", "one.txt", "two.txt", "--dct", "2016-12-12", cwd=tmp_path)
    assert [entry["file"] for entry in json.loads(as_json.stdout)] == ["one.txt", "two.txt"]
    as_text = timeline("dates", "one.txt", "two.txt", "--dct", "2016-12-12", "--format", "text", cwd=tmp_path)
    assert as_text.stdout.splitlines()[0] == "one.txt:15-21\tDATE\t2016-12-12\tMonday"
    assert as_text.stdout.splitlines()[-1].startswith("two.txt:")


def test_a_file_that_cannot_be_read_is_one_line_and_a_failing_exit_the_others_are_read(tmp_path):
    write(tmp_path / "one.txt", TEXTS["one.txt"])
    (tmp_path / "latin1.txt").write_bytes("Café on Monday".encode("latin-1"))
    result = timeline("dates", "one.txt", "missing.txt", "latin1.txt", "--dct", "2016-12-12", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == ["one.txt"]
    assert result.stderr.splitlines() == [
        "timeline dates: missing.txt: cannot read (No such file or directory)",
        "timeline dates: latin1.txt:1: not UTF-8 text (byte 3)",
    ]


def test_standard_input_is_read_once_among_files(tmp_path):
    result = timeline("dates", "-", "-", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == "timeline dates: standard input (-) can be read only once\n"


def test_each_file_keeps_the_files_order_and_shares_them_between_processes(tmp_path):
    files = [str(tmp_path / f"{i}.txt") for i in range(40)]

    def work(file):
        time.sleep(0.01)  # long enough that one process cannot draw every file before the others start
        return file, os.getpid()

    results = list(each_file(work, files))
    assert [file for file, _ in results] == files
    if (os.cpu_count() or 1) > 1:
        assert len({pid for _, pid in results}) > 1
