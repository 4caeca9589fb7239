"""The teacher's view in headless Chromium (issue 25): it updates while a learner of the class
completes a lesson, and a snippet and a lesson it sends reach the learner's page.

Run by Tests/browser/run, which serves the class PLAYGROUND_CLASS with PLAYGROUND_TEACHER_KEY.
"""

import os
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

from playground_page import URL, PlaygroundPage, browser

CLASS = os.environ.get("PLAYGROUND_CLASS", "browser-class")
KEY = os.environ.get("PLAYGROUND_TEACHER_KEY", "browser-teacher-key")


class TeacherView(PlaygroundPage):
    def open_teacher(self):
        teacher = browser()
        self.addCleanup(teacher.quit)
        teacher.get(URL + "teacher")
        WebDriverWait(teacher, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
        teacher.find_element(By.ID, "teacher-key").send_keys(KEY)
        teacher.find_element(By.ID, "connect-button").click()
        WebDriverWait(teacher, 10).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-connected") == "true")
        return teacher

    def join_class(self):
        self.open(self.driver, URL + "c/" + CLASS)
        banner = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.ID, "class-banner") if d.find_element(By.ID, "class-banner").is_displayed() else None)
        return int(re.search(r"Learner (\d+)", banner.text).group(1))

    def test_a_wrong_key_is_refused(self):
        teacher = browser()
        self.addCleanup(teacher.quit)
        teacher.get(URL + "teacher")
        WebDriverWait(teacher, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
        teacher.find_element(By.ID, "teacher-key").send_keys("not the key")
        teacher.find_element(By.ID, "connect-button").click()
        WebDriverWait(teacher, 10).until(ready.text_to_be_present_in_element((By.ID, "connect-status"), "--teacher-key"))

    def test_the_view_follows_a_learner_through_a_lesson_and_reaches_them(self):
        teacher = self.open_teacher()
        number = self.join_class()
        row = f"#learners tr[data-learner='{number}']"
        WebDriverWait(teacher, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, row))
        self.assertEqual(teacher.find_element(By.CSS_SELECTOR, row + " .runs").text, "0")

        self.driver.find_element(By.ID, "load-starter").click()
        self.driver.find_element(By.ID, "run").click()
        self.wait_for_output("finished in")
        self.driver.find_element(By.ID, "check").click()
        WebDriverWait(self.driver, 20).until(ready.text_to_be_present_in_element((By.ID, "lesson-status"), "✓"))
        WebDriverWait(teacher, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, row + " .lessons-done").text.startswith("1 of 6: 01-first-deploy"))
        self.assertEqual(teacher.find_element(By.CSS_SELECTOR, row + " .runs").text, "1")
        self.assertRegex(teacher.find_element(By.CSS_SELECTOR, row + " .spent").text, r"^\d+\.\d\d USD$")

        snippet = 'print "from the teacher"'
        teacher.find_element(By.ID, "snippet").send_keys(snippet)
        teacher.find_element(By.ID, "send-snippet").click()
        take = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.ID, "take-snippet") if d.find_element(By.ID, "take-snippet").is_displayed() else None)
        take.click()
        self.assertEqual(self.driver.find_element(By.ID, "editor").get_attribute("value"), snippet)

        Select(teacher.find_element(By.ID, "lesson-for-all")).select_by_value("02-wait-active")
        teacher.find_element(By.ID, "open-lesson").click()
        WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.ID, "lesson").get_attribute("data-lesson") == "02-wait-active")
        self.assertIn("opened lesson 02-wait-active", self.driver.find_element(By.ID, "teacher-message").text)
