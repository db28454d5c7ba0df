"""One HTTP request as a phone makes it to pilotdeck's phone server on 127.0.0.1 (contracts 5):
shared by the GUI tests' simulated phones (phone_scorer.py, hackathon_phones.py)."""
import http.client
import json


def call(port, method, path, body=None, token=None):
    """The answer's status and its JSON body (None when empty)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "127.0.0.1:%d" % port}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
        headers["Content-Length"] = str(len(data))
    if token:
        headers["Authorization"] = "Bearer " + token
    c.request(method, path, body=data, headers=headers)
    r = c.getresponse()
    text = r.read().decode()
    c.close()
    return r.status, (json.loads(text) if text else None)
