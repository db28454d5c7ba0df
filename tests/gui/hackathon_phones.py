"""Simulated phones for the hackathon GUI flow test (test_hackathon_flow.sh): real HTTP against the
GUI's phone server, as the phone page would talk to it (contracts 5 and 6, docs/formats.md
"Hackathon on phones"). Each command reads and writes a state file (JSON) so the shell test can
call it between key presses:

  teams   PORT CODE STATE      8 people join with the room's code; 4 create teams, 4 join them by code
  judge   PORT JURYCODE STATE  3 jury phones join with the jury code and compare until no pair is left
                               (one skip and one undo on the way); every 200 {"saved": true} is recorded
  vote    PORT STATE           every team member and 2 guests vote for a team not their own
  refused PORT STATE           a vote now gets 409 (the audience vote is closed)
  check   STATE EXPORT RESULTS the file holds every acknowledged comparison once, the audience votes, and
                               the awards follow from them
"""
import json
import sys

from phone_http import call  # tests/gui/phone_http.py, beside this file

# The teams and their hidden quality: every judge prefers the better team (a consistent jury).
TEAMS = [
    ("Invoice Matchers", "Match supplier invoices to orders", "Finance", 4),
    ("Quote Wizards", "Draft quotes from a customer's email", "Sales", 3),
    ("Welcome Bot", "Answer new colleagues' first-week questions", "HR", 2),
    ("Ticket Triage", "Sort incoming IT tickets by urgency", "IT", 1),
]
PEOPLE = [  # (name, department, team index, founder?)
    ("Anna de Vries", "Finance", 0, True), ("Bram Jansen", "Sales", 1, True), ("Chris Bakker", "HR", 2, True),
    ("Dana Smit", "IT", 3, True), ("Eva Mulder", "Sales", 0, False), ("Fleur Visser", "IT", 1, False),
    ("Gijs Peters", "Finance", 2, False), ("Hanna Meijer", "HR", 3, False),
]
GUESTS = [("Ilse Vos", "Legal"), ("Joost de Boer", "Marketing")]
JURY = [("Karin Dekker", "Management"), ("Lars Hendriks", "Works council"), ("Mila Smits", "Operations")]
# The audience's votes by team index: Quote Wizards gets the most (5), never one's own team.
VOTES = {0: 1, 1: 0, 2: 1, 3: 1, 4: 1, 5: 0, 6: 1, 7: 1, "guest0": 1, "guest1": 2}


def expect(what, got, status):
    if got[0] != status:
        sys.exit("%s: expected %d, got %d %s" % (what, status, got[0], got[1]))
    return got[1]


def join(port, code, name, department):
    body = expect("join " + name, call(port, "POST", "/api/join", {"code": code, "name": name, "department": department}), 200)
    return body["token"], body["participant"]


def load(path):
    with open(path) as f:
        return json.load(f)


def save(path, state):
    with open(path, "w") as f:
        json.dump(state, f, indent=1)


def teams(port, code, path):
    state = {"people": [], "teams": {}, "guests": [], "jury": [], "acknowledged": [], "votes": {}}
    codes = {}
    for name, dept, team, founder in PEOPLE:
        token, pid = join(port, code, name, dept)
        if founder:
            tname, title, _, _ = TEAMS[team]
            body = expect("team " + tname, call(port, "POST", "/api/team", {"name": tname, "title": title}, token), 201)
            codes[team] = body["code"]
            state["teams"][tname] = body["team"]
        else:
            expect("join team", call(port, "POST", "/api/team/join", {"code": codes[team].lower() + " "}, token), 200)
        state["people"].append({"token": token, "id": pid, "name": name, "team": team})
    for name, dept in GUESTS:
        token, pid = join(port, code, name, dept)
        state["guests"].append({"token": token, "id": pid, "name": name})
    # A phone's view of the teams stage: its own team with the members' names.
    st = expect("state", call(port, "GET", "/api/state", token=state["people"][4]["token"]), 200)
    if st["my_team"]["name"] != "Invoice Matchers" or "Anna de Vries" not in json.dumps(st["my_team"]):
        sys.exit("my_team: %s" % st["my_team"])
    save(path, state)
    print("teams: %d teams, %d people" % (len(state["teams"]), len(state["people"]) + len(state["guests"])))


def judge(port, jury_code, path):
    state = load(path)
    quality = {state["teams"][t[0]]: t[3] for t in TEAMS}
    for name, dept in JURY:
        token, pid = join(port, jury_code, name, dept)
        state["jury"].append({"token": token, "id": pid, "name": name})
    acknowledged = state["acknowledged"]
    skipped = undone = False
    for k, j in enumerate(state["jury"]):
        for _ in range(50):
            st = expect("state", call(port, "GET", "/api/state", token=j["token"]), 200)
            jd = st.get("judging") or {}
            if not jd.get("jury"):
                sys.exit("%s is not jury: %s" % (j["name"], jd))
            pair = jd.get("pair")
            if pair is None:
                break
            a, b = pair[0]["id"], pair[1]["id"]
            if k == 1 and not skipped and jd["compared"] == 1:
                expect("skip", call(port, "POST", "/api/skip", {}, j["token"]), 200)
                skipped = True
                continue
            winner, loser = (a, b) if quality[a] > quality[b] else (b, a)
            if k == 0 and not undone and jd["compared"] == 1:
                # A mis-tap: the worse team picked, then undone; the same pair comes again.
                body = expect("compare", call(port, "POST", "/api/compare", {"winner": loser, "loser": winner}, j["token"]), 200)
                if body != {"saved": True}:
                    sys.exit("compare: %s" % body)
                acknowledged.append([j["id"], loser, winner])
                body = expect("undo", call(port, "POST", "/api/undo", {}, j["token"]), 200)
                acknowledged.remove([j["id"], body["winner"], body["loser"]])
                undone = True
                continue
            body = expect("compare", call(port, "POST", "/api/compare", {"winner": winner, "loser": loser}, j["token"]), 200)
            if body != {"saved": True}:
                sys.exit("compare: %s" % body)
            acknowledged.append([j["id"], winner, loser])
        else:
            sys.exit("%s never ran out of pairs" % j["name"])
    if not (skipped and undone):
        sys.exit("the skip or the undo did not happen (skipped %s, undone %s)" % (skipped, undone))
    save(path, state)
    print("judged: %d comparisons" % len(acknowledged))


def vote(port, path):
    state = load(path)
    ids = [state["teams"][t[0]] for t in TEAMS]
    voters = [(p, VOTES[i]) for i, p in enumerate(state["people"])] + [(g, VOTES["guest%d" % i]) for i, g in enumerate(state["guests"])]
    # One's own team is refused.
    own = state["people"][0]
    expect("own team", call(port, "PUT", "/api/vote", {"team": ids[own["team"]]}, own["token"]), 409)
    for p, team in voters:
        expect("vote", call(port, "PUT", "/api/vote", {"team": ids[3]}, p["token"]), 409 if p.get("team") == 3 else 200)
        expect("vote", call(port, "PUT", "/api/vote", {"team": ids[team]}, p["token"]), 200)  # changed: the last counts
        state["votes"][p["id"]] = ids[team]
    save(path, state)
    print("voted: %d" % len(state["votes"]))


def refused(port, path):
    state = load(path)
    g = state["guests"][0]
    expect("vote after closing", call(port, "PUT", "/api/vote", {"team": state["teams"]["Welcome Bot"]}, g["token"]), 409)
    print("refused")


def check(path, export_path, results_path):
    state, doc, res = load(path), load(export_path), load(results_path)
    got = sorted([c["judge"], c["winner"], c["loser"]] for c in doc["comparisons"])
    want = sorted(state["acknowledged"])
    if got != want:
        sys.exit("comparisons in the file %s, acknowledged %s" % (got, want))
    votes = {v["voter"]: v["team"] for v in doc["audience_votes"]}
    if votes != state["votes"]:
        sys.exit("audience votes in the file %s, given %s" % (votes, state["votes"]))
    awards = {a["award"]: a for a in res["awards"]}
    if awards["audience"].get("team") != state["teams"]["Quote Wizards"] or awards["audience"].get("tied_with"):
        sys.exit("audience award: %s" % awards["audience"])
    ranking = [r["team"] for r in res["ranking"]]
    if awards["best"].get("team") != ranking[0]:
        sys.exit("overall award %s, ranking %s" % (awards["best"], ranking))
    names = {t["id"]: t["name"] for t in doc["teams"]}
    # What the reveal must show, lowest place first (for the shell test to compare with the screen).
    print(json.dumps({"audience": names[awards["audience"]["team"]], "ranking": [names[t] for t in ranking],
                      "comparisons": len(got)}))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "teams":
        teams(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    elif cmd == "judge":
        judge(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    elif cmd == "vote":
        vote(int(sys.argv[2]), sys.argv[3])
    elif cmd == "refused":
        refused(int(sys.argv[2]), sys.argv[3])
    elif cmd == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit("unknown command " + cmd)
