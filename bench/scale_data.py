#!/usr/bin/env python3
"""Scaled station files for bench/scale-bench.sh: FACTOR times the stations of a template folder, same shape.

    bench/scale_data.py TEMPLATE_DIR OUT_DIR FACTOR CSV_FILE

Each template file USC00110072.txt is written FACTOR times: under its own id, then USC00110072-01 ... (the job takes
the file name as the station id). The lines are the template's; one file in eight gets one bad line in its middle
(a field that is not a number, a wrong field count or an impossible date, in turn), so that every scale has rejects
in proportion and stays under the job's default reject limit. CSV_FILE receives the valid rows
(station,date,max,min,precipitation) for the psql \\copy floor. Standard library only.
"""
import os
import sys

BAD_LINES = ("19990615\t  2x5\t   10\t    0\n", "19990615\t  205\n", "19990230\t  205\t   10\t    0\n")


def csv_rows(lines):
    """The template's rows as CSV without the station column: ",1985-01-01,-22,-128,94"."""
    rows = []
    for line in lines:
        fields = line.split()
        if len(fields) == 4:
            day = fields[0]
            rows.append(",%s-%s-%s,%s,%s,%s\n" % (day[:4], day[4:6], day[6:8], fields[1], fields[2], fields[3]))
    return rows


def main(template, out, factor, csv_file):
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(template) if n.endswith(".txt"))
    written = bad = 0
    with open(csv_file, "w") as csv:
        for name in names:
            station = name[:-len(".txt")]
            with open(os.path.join(template, name), newline="") as f:
                lines = f.readlines()
            body = "".join(lines)
            rows = csv_rows(lines)
            for copy in range(factor):
                sid = station if copy == 0 else "%s-%02d" % (station, copy)
                text = body
                if written % 8 == 7:
                    middle = len(lines) // 2
                    text = "".join(lines[:middle]) + BAD_LINES[bad % len(BAD_LINES)] + "".join(lines[middle:])
                    bad += 1
                with open(os.path.join(out, sid + ".txt"), "w", newline="") as f:
                    f.write(text)
                csv.write("".join(sid + row for row in rows))
                written += 1
    print("%d files from %d templates (x%d), %d with a bad line, into %s" % (written, len(names), factor, bad, out))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
