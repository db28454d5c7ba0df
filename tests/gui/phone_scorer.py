"""A phone for test_phones.sh (contracts.md section 5), real HTTP against the GUI's phone server:

  score   PORT CODE  joins as "Phone tester" and scores i12 on time_saved with 4; prints "saved"
  refused PORT       succeeds when the port refuses connections (the server is off)
"""
import sys

from phone_http import call

port, what = int(sys.argv[1]), sys.argv[2]

if what == "refused":
    try:
        call(port, "GET", "/")
    except ConnectionRefusedError:
        sys.exit(0)
    sys.exit("the server still answers")

code = sys.argv[3]
status, body = call(port, "POST", "/api/join", {"code": code, "name": "Phone tester"})
if status != 200 or "token" not in body:
    sys.exit("join: %d %s" % (status, body))
token = body["token"]
status, state = call(port, "GET", "/api/state", token=token)
if status != 200 or state["stage"]["kind"] != "scoring":
    sys.exit("state: %d %s" % (status, state))
if "i12" not in [i["id"] for i in state["ideas"]]:
    sys.exit("i12 is not open for scoring: %s" % state["ideas"])
status, body = call(port, "PUT", "/api/score", {"idea": "i12", "criterion": "time_saved", "value": 4}, token)
if status != 200 or body != {"saved": True}:
    sys.exit("score: %d %s" % (status, body))
print(body["saved"] and "saved")
