"""What the playground's browser tests share: a headless Chromium of its own, the page opened and
ready, a script typed and run, the output and the sandbox panel read.

Not a test file itself (its name does not start with test_), so its base class runs no tests.
"""

import os
import unittest

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ.get("PLAYGROUND_URL", "http://127.0.0.1:8080/")
SCREENSHOT = os.environ.get("PLAYGROUND_SCREENSHOT")


def browser():
    """A fresh headless Chromium: its own profile, so its own cookie and session."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else None
    return webdriver.Chrome(options=options, service=service)


class PlaygroundPage(unittest.TestCase):
    """A page in a fresh browser for each test; the helpers the tests share."""

    def setUp(self):
        self.driver = browser()
        self.addCleanup(self.driver.quit)
        self.open(self.driver)

    def open(self, driver, url=URL):
        driver.get(url)
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")

    def type_script(self, text, driver=None):
        driver = driver or self.driver
        editor = driver.find_element(By.ID, "editor")
        editor.clear()
        editor.send_keys(text)

    def run_script(self, text, driver=None):
        driver = driver or self.driver
        self.type_script(text, driver)
        driver.find_element(By.ID, "run").click()
        self.wait_for_output("in ", driver)

    def wait_for_output(self, text, driver=None):
        driver = driver or self.driver
        WebDriverWait(driver, 30).until(ready.text_to_be_present_in_element((By.ID, "output"), text))

    def resources(self, driver=None):
        return (driver or self.driver).find_element(By.ID, "resources").text
