from urllib.robotparser import RobotFileParser

import requests

USER_AGENT = "OSINT-Lab-trainee"  # how our scraper introduces itself to the sites

# robots.txt: the sites' rules for automated visitors, which addresses they may fetch and how fast.
robots = RobotFileParser()
robots.parse(requests.get(BASE + "/robots.txt", timeout=30).text.splitlines())

# DELAY: the seconds to wait between two requests. "Request-rate: 10/1" (10 requests a second) gives
# 0.1 s; without it, a "Crawl-delay" gives the seconds; with no rule at all, one second is a safe choice.
rate = robots.request_rate(USER_AGENT)
crawl_delay = robots.crawl_delay(USER_AGENT)
if rate:
    DELAY = rate.seconds / rate.requests
elif crawl_delay is not None:
    DELAY = float(crawl_delay)
else:
    DELAY = 1.0
print(f"Waiting {DELAY} s between requests.")
