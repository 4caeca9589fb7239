"""The playground page in headless Chromium: run, resources, reset, errors, REPL, lessons, isolation.

Run by Tests/browser/run, which starts `barrack playground serve` and sets PLAYGROUND_URL.
"""

import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from playground_page import SCREENSHOT, PlaygroundPage, browser


class PlaygroundPageTests(PlaygroundPage):
    def test_the_page_has_every_part(self):
        for element in ("editor", "run", "output", "resources", "reset", "lesson"):
            self.assertTrue(self.driver.find_element(By.ID, element).is_displayed(), element)
        self.assertIn("A first deploy", self.driver.find_element(By.ID, "lesson").text)
        highlighted = self.driver.find_elements(By.CSS_SELECTOR, "#highlight .tok-keyword")
        self.assertTrue(highlighted, "the starter code is highlighted")

    def test_a_deploy_shows_in_the_output_and_the_panel_and_reset_removes_it(self):
        self.run_script('let vm = deploy gpu: "H100-SXM5-80GB" x 8 in FINLAND-1 name: "browser-vm"\n'
                        'print "deployed {vm.name} {vm.status}"')
        self.assertIn("deployed browser-vm CREATING", self.driver.find_element(By.ID, "output").text)
        WebDriverWait(self.driver, 10).until(lambda d: "browser-vm" in self.resources())
        if SCREENSHOT:
            self.driver.save_screenshot(SCREENSHOT)
        self.driver.find_element(By.ID, "reset").click()
        WebDriverWait(self.driver, 5).until(ready.alert_is_present()).accept()
        WebDriverWait(self.driver, 10).until(lambda d: "browser-vm" not in self.resources())
        self.assertIn("Instances (0)", self.resources())

    def test_a_syntax_error_shows_line_column_and_caret(self):
        self.run_script('print "ok"\nlet = 2')
        error = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "#output .error"))
        self.assertIn("line 2, column 5", error.text)
        self.assertIn("main.brk:2:5", error.text)
        self.assertIn("^", error.text)

    def test_a_second_browser_does_not_see_the_first_ones_instance(self):
        self.run_script('deploy gpu: L40 x 2 in CANADA-1 name: "only-mine"')
        WebDriverWait(self.driver, 10).until(lambda d: "only-mine" in self.resources())
        other = browser()
        self.addCleanup(other.quit)
        self.open(other)
        WebDriverWait(other, 10).until(lambda d: "Instances (" in self.resources(other))
        self.assertNotIn("only-mine", self.resources(other))
        self.run_script("print len(instances())", other)
        self.assertIn("0\n", other.find_element(By.ID, "output").text + "\n")

    def test_the_repl_line_keeps_variables_between_runs(self):
        line = self.driver.find_element(By.ID, "repl-input")
        line.send_keys("let answer = 6 * 7", Keys.ENTER)
        self.wait_for_output("finished")
        line.send_keys("answer + 1", Keys.ENTER)
        self.wait_for_output("= 43")

    def test_a_lesson_is_done_after_its_starter_runs(self):
        self.driver.find_element(By.ID, "check").click()
        WebDriverWait(self.driver, 20).until(ready.text_to_be_present_in_element((By.ID, "lesson-status"), "Not yet"))
        self.driver.find_element(By.ID, "load-starter").click()
        self.driver.find_element(By.ID, "run").click()
        self.wait_for_output("finished")
        self.driver.find_element(By.ID, "check").click()
        WebDriverWait(self.driver, 20).until(ready.text_to_be_present_in_element((By.ID, "lesson-status"), "✓"))

    def test_ctrl_enter_runs_and_tab_completes(self):
        editor = self.driver.find_element(By.ID, "editor")
        editor.clear()
        editor.send_keys("print regi")
        editor.send_keys(Keys.TAB)
        self.assertEqual(editor.get_attribute("value"), "print regions")
        editor.send_keys("().len()", Keys.CONTROL, Keys.ENTER)
        self.wait_for_output("finished")


if __name__ == "__main__":
    unittest.main()
