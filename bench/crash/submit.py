#!/usr/bin/env python3
"""Issue 16 crash test's submitter: several clients post online applications to the public API at full speed until a
deadline, across the site's restarts, and write every acknowledged application (a 201 with its 申请编号) to a file, one
line each, flushed at once: the list of what the site promised to keep. A connection refused or cut (the site killed)
is counted and tried again after a short pause; an application without its 201 is not acknowledged. The applicant is
the test identity the API tests use: no real person's data.

    submit.py --url http://127.0.0.1:5098/api/v1/agencies/ID/applications --seconds 30 --clients 4 --out acked.txt [--stop-file F]
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse

BODY = json.dumps({
    "applicantKind": "NaturalPerson",
    "name": "崩溃测试",
    "personDocumentNumber": "11010519491231002X",
    "email": "crash@example.cn",
    "content": "崩溃测试：请公开2025年区级预算调整方案全文",
}, ensure_ascii=False).encode("utf-8")


def running(deadline, stop_file):
    return time.monotonic() < deadline and not (stop_file and os.path.exists(stop_file))


def client(url, deadline, stop_file, out, lock, counts):
    parts = urllib.parse.urlsplit(url)
    connection = None
    while running(deadline, stop_file):
        try:
            if connection is None:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            connection.request("POST", parts.path, BODY, {"Content-Type": "application/json"})
            response = connection.getresponse()
            payload = response.read()
            if response.status == 201:
                number = json.loads(payload)["trackingNumber"]
                with lock:
                    out.write(number + "\n")
                    out.flush()
                    counts["acked"] += 1
            else:
                with lock:
                    counts["other"] += 1
        except (OSError, http.client.HTTPException):
            # The site is down or was killed mid-request: not acknowledged; reconnect after a pause.
            with lock:
                counts["errors"] += 1
            if connection is not None:
                connection.close()
                connection = None
            time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--out", required=True)
    parser.add_argument("--stop-file", help="stop (before the deadline) once this file exists")
    args = parser.parse_args()
    deadline = time.monotonic() + args.seconds
    counts = {"acked": 0, "other": 0, "errors": 0}
    lock = threading.Lock()
    with open(args.out, "a", encoding="utf-8") as out:
        threads = [threading.Thread(target=client, args=(args.url, deadline, args.stop_file, out, lock, counts)) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    print(f"SUBMITTER acked={counts['acked']} non201={counts['other']} connection_errors={counts['errors']}")


if __name__ == "__main__":
    main()
