"""The simulated people of `bench/load.py` (Locust loads this file in its own process).

Visitors browse the public pages and search; enterprises log in (the demo's enterprise accounts), look at
institutions and send inquiries. A response is a failure when its status is not the one expected, so the
failure count is the number of errors people would have met.
"""

import random
import re
import time

from locust import HttpUser, between, task

DEMO_PASSWORD = "demo-ip-2014"
ENTERPRISES = ["enterprise@demo.ip.lyg", "pharma@demo.ip.lyg", "quartz@demo.ip.lyg"]
QUERIES = ["专利代理", "质押融资", "商标", "知识产权评估", "培训", "东海水晶", "专利转让", "版权登记", "贯标", "维权"]
PAGES = [
    "/",
    "/institutions/",
    "/institutions/offerings/",
    "/listings/",
    "/listings/transactions/",
    "/listings/financing/",
    "/targets/",
    "/rights/",
]
INSTITUTION_LINK = re.compile(r'href="/institutions/(\d+)/"')
HIDDEN = 'name="{name}" value="([^"]*)"'


def hidden(html, name):
    found = re.search(HIDDEN.format(name=name), html)
    return found.group(1) if found else ""


class Browsing:
    institutions: list

    def institution_ids(self):
        if not getattr(self, "institutions", None):
            with self.client.get("/institutions/", name="/institutions/", catch_response=True) as response:
                self.institutions = sorted(set(INSTITUTION_LINK.findall(response.text))) or ["1"]
        return self.institutions

    def browse(self):
        self.client.get(random.choice(PAGES))

    def institution(self):
        pk = random.choice(self.institution_ids())
        self.client.get(f"/institutions/{pk}/", name="/institutions/[id]/")

    def search(self):
        self.client.get(f"/search/?q={random.choice(QUERIES)}", name="/search/?q=[query]")


class Visitor(Browsing, HttpUser):
    weight = 4
    wait_time = between(1, 4)

    @task(5)
    def pages(self):
        self.browse()

    @task(3)
    def look_at_an_institution(self):
        self.institution()

    @task(3)
    def search_for_something(self):
        self.search()


class Enterprise(Browsing, HttpUser):
    weight = 1
    wait_time = between(2, 6)

    def on_start(self):
        login = self.client.get("/accounts/login/", name="/accounts/login/")
        with self.client.post(
            "/accounts/login/",
            data={
                "login": random.choice(ENTERPRISES),
                "password": DEMO_PASSWORD,
                "csrfmiddlewaretoken": hidden(login.text, "csrfmiddlewaretoken"),
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="/accounts/login/ (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"log-in answered {response.status_code}")

    @task(3)
    def pages(self):
        self.browse()

    @task(2)
    def search_for_something(self):
        self.search()

    @task(1)
    def send_an_inquiry(self):
        pk = random.choice(self.institution_ids())
        url = f"/institutions/{pk}/ask/"
        form = self.client.get(url, name="/institutions/[id]/ask/")
        with self.client.post(
            url,
            data={
                "csrfmiddlewaretoken": hidden(form.text, "csrfmiddlewaretoken"),
                "submission_key": hidden(form.text, "submission_key"),
                "subject": "专利检索咨询",
                "body": f"负载测试：请问发明专利查新检索的费用和周期？（{time.time_ns()}）",
            },
            headers={"Referer": f"{self.host}{url}"},
            name="/institutions/[id]/ask/ (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302 or "/inquiries/" not in response.headers.get("Location", ""):
                response.failure(f"inquiry answered {response.status_code}")
