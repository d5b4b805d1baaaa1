package vn.neuguong.systemtest.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.neuguong.systemtest.SystemStack;

/**
 * The dashboard as a workplace, in headless Chromium against the running system: a commune officer registers a
 * pledge while the server scores the draft, self-assesses it, imports a file and submits the unit's report; the
 * province officer returns and approves it and evaluates the pledge; the central board reads, drills down from the map
 * and cannot write. Screenshots go to target/screenshots/workplace/.
 */
@Order(21)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkplaceIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "workplace");
    private static final int YEAR = LocalDate.now().getYear();
    private static final String COMMUNE_OFFICER = "commune-officer-05569";
    private static final String PROVINCE_OFFICER = "province-officer-19";
    private static final String CENTRAL_BOARD = "central-board";
    private static final String COLLECTIVE = "Chi bộ thôn Làng Quặng " + UUID.randomUUID().toString().substring(0, 6);

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String pledgeId;

    @BeforeAll
    static void openTheDashboard() throws Exception {
        SystemStack.ensureStarted();
        Files.createDirectories(SCREENSHOTS);
        browser = HeadlessChromium.start(1366, 900);
        // the pages re-render after each change: an element read during a re-render is looked up again
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(SystemStack.GATEWAY.toString());
    }

    @AfterAll
    static void closeTheDashboard() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** On a failure, what the browser showed: a screenshot and the page's text, next to the other screenshots. */
    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                String name = "FAILED-" + context.getRequiredTestMethod().getName();
                screenshot(name);
                Files.writeString(SCREENSHOTS.resolve(name + ".txt"), browser.getCurrentUrl() + "\n"
                        + browser.findElement(By.tagName("body")).getText(), StandardCharsets.UTF_8);
            } catch (Exception ignored) {
                // the failure itself is what the report shows
            }
        }
    };

    @AfterEach
    void leavesNoScriptErrorInTheConsole() {
        assertThat(HeadlessChromium.scriptErrors(browser)).isEmpty();
    }

    @Test
    @Order(1)
    void aCommuneOfficerFixesAGenericPledgeWhileTypingAndRegistersIt() throws Exception {
        signInAs(COMMUNE_OFFICER);
        go("#/pledges/new");
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge-form")));
        form.findElement(By.id("pledger-kind-COLLECTIVE")).click();
        type(By.id("pledger-name"), COLLECTIVE);

        type(By.cssSelector("#commitments li:nth-child(1) [data-name='action']"), "Thực hiện tốt việc học tập và làm theo Bác");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("specificity-verdict"), "Chung chung"));
        assertThat(browser.findElements(By.cssSelector("#findings li.finding"))).isNotEmpty();
        assertThat(browser.findElement(By.id("findings")).getText()).contains("Nội dung 1");
        screenshot("pledge-form-generic");

        browser.findElement(By.id("add-commitment")).click();
        assertThat(browser.findElements(By.cssSelector("#commitments > li"))).hasSize(2);
        browser.findElement(By.cssSelector("#commitments > li:nth-child(2) .remove-commitment")).click();
        assertThat(browser.findElements(By.cssSelector("#commitments > li"))).hasSize(1);

        WebElement action = browser.findElement(By.cssSelector("#commitments li:nth-child(1) [data-name='action']"));
        action.clear();
        type(By.cssSelector("#commitments li:nth-child(1) [data-name='action']"), "Hướng dẫn 100% hộ dân thôn Làng Quặng "
                + "đăng ký dịch vụ công trực tuyến mức độ toàn trình trước 30/9 (" + COLLECTIVE + ")");
        type(By.cssSelector("#commitments li:nth-child(1) [data-name='linkedDuty']"),
                "Phụ trách công tác cải cách hành chính của xã");
        type(By.cssSelector("#commitments li:nth-child(1) [data-name='measure']"),
                "Số hộ đã có tài khoản trên Cổng dịch vụ công quốc gia so với tổng số hộ");
        type(By.cssSelector("#commitments li:nth-child(1) [data-name='target']"), "100% hộ dân (142 hộ)");
        setDate(By.cssSelector("#commitments li:nth-child(1) [data-name='dueDate']"), YEAR + "-09-30");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("specificity-verdict"), "Cụ thể"));
        screenshot("pledge-form-specific");

        browser.findElement(By.id("pledge-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge-commitments")));
        pledgeId = browser.getCurrentUrl().replaceAll(".*#/pledges/", "");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(COLLECTIVE);
        assertThat(fact("status")).isEqualTo("REGISTERED");
        screenshot("pledge-page-registered");
    }

    @Test
    @Order(2)
    void theFormExplainsMissingFieldsInTheReadersLanguage() throws Exception {
        go("#/pledges/new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge-form")));
        type(By.id("pledger-memberId"), "dv-" + UUID.randomUUID().toString().substring(0, 6));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("specificity"), "bắt buộc phải có"));
        assertThat(browser.findElement(By.cssSelector("[data-field='pledger.fullName'] .field-problem")).getText())
                .isEqualTo("bắt buộc phải có");

        browser.findElement(By.cssSelector("button[data-lang='en']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge-form")));
        type(By.id("pledger-memberId"), "dv-en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("specificity"), "is required"));
        screenshot("pledge-form-english-problems");
        browser.findElement(By.cssSelector("button[data-lang='vi']")).click();
    }

    @Test
    @Order(3)
    void theListFiltersAndThePledgeIsSelfAssessed() throws Exception {
        go("#/pledges");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pledge-list tr[data-pledge-id='" + pledgeId + "']")));
        new Select(browser.findElement(By.id("pledge-generic-filter"))).selectByValue("true");
        wait.until(driver -> driver.findElements(By.cssSelector("#pledge-list tr[data-pledge-id='" + pledgeId + "']")).isEmpty());
        new Select(browser.findElement(By.id("pledge-generic-filter"))).selectByValue("false");
        new Select(browser.findElement(By.id("pledge-sort"))).selectByValue("score,asc");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#pledge-list tr[data-pledge-id='" + pledgeId + "'] a")));
        screenshot("pledge-list");
        wait.until(driver -> {
            driver.findElement(By.cssSelector("#pledge-list tr[data-pledge-id='" + pledgeId + "'] a")).click();
            return true;
        });

        wait.until(ExpectedConditions.elementToBeClickable(By.id("action-self-assess"))).click();
        WebElement summary = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-summary")));
        summary.sendKeys("Đã tổ chức đủ 12 buổi sinh hoạt chuyên đề.");
        browser.findElement(By.cssSelector("#self-assessment-form button[type='submit']")).click();
        wait.until(driver -> "SELF_ASSESSED".equals(fact("status")));
        assertThat(browser.findElement(By.id("pledge-history")).getText()).contains("Tự đánh giá");
        screenshot("pledge-self-assessed");
    }

    @Test
    @Order(4)
    void anImportNamesItsRejectedRowsAsTheSpreadsheetDoes() throws Exception {
        go("#/imports");
        Path file = Files.createTempFile("neuguong-import", ".csv");
        String member = "dv-" + UUID.randomUUID().toString().substring(0, 6);
        // signed on paper in January (on time) and, when the year is far enough, in April (late): the day decides
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        LocalDate onTime = LocalDate.of(YEAR, 1, 15);
        LocalDate late = LocalDate.of(YEAR, 4, 20).isAfter(today) ? null : LocalDate.of(YEAR, 4, 20);
        String signedEarly = "Hoàng Văn Tám " + member;
        String signedLate = "Đinh Thị Mười " + member;
        Files.writeString(file, String.join("\r\n",
                "year,unitId,pledgerKind,memberId,fullName,position,collectiveName,themeId,area,action,linkedDuty,measure,target,dueDate,signedOn",
                YEAR + ",w-05569,INDIVIDUAL," + member + "," + signedEarly + ",Trưởng thôn,,,DUTY,\"Vận động 30 hộ dân thôn Làng Quặng hiến đất mở rộng đường liên thôn\",Trưởng thôn phụ trách giao thông,Biên bản hiến đất,30 hộ," + YEAR + "-06-30,15/01/" + YEAR,
                YEAR + ",w-05569,INDIVIDUAL," + member + "-2,Lý Thị Chín,,,,LEISURE,Đi du lịch,,,,,",
                YEAR + ",w-05569,INDIVIDUAL," + member + "-3,Lò Văn Mười Một,,,,DUTY,Trồng 50 cây keo,,,,," + today.plusDays(1),
                late == null ? "" : YEAR + ",w-05569,INDIVIDUAL," + member + "-4," + signedLate + ",Tổ trưởng,,,DUTY,\"Vận động 12 hộ ở xóm Bãi lắp đèn năng lượng mặt trời\",Tổ trưởng tổ dân cư,Số đèn đã lắp,12 đèn," + YEAR + "-09-30," + late,
                ""), StandardCharsets.UTF_8);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file"))).sendKeys(file.toString());
        browser.findElement(By.id("import-start")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("import-status"), "data-state", "COMPLETED"));
        assertThat(browser.findElement(By.cssSelector("[data-figure='import.accepted']")).getAttribute("data-value"))
                .isEqualTo(late == null ? "1" : "2");
        // the header is row 1 of the spreadsheet, so the second data row is row 3
        assertThat(browser.findElement(By.cssSelector("#import-rejected tr[data-row='3']")).getText()).contains("area");
        assertThat(browser.findElement(By.cssSelector("#import-rejected tr[data-row='4']")).getText())
                .contains("signedOn", "không được sau ngày tải tệp lên");
        screenshot("import-result");

        openImported(signedEarly);
        wait.until(driver -> onTime.toString().equals(fact("signedOn")));
        assertThat(fact("onTime")).isEqualTo("true");
        assertThat(browser.findElement(By.id("pledge-facts")).getText()).contains("Ngày ký", "Ngày nhập vào hệ thống");
        screenshot("imported-pledge-signed-on-time");
        if (late != null) {
            openImported(signedLate);
            wait.until(driver -> late.toString().equals(fact("signedOn")));
            assertThat(fact("onTime")).isEqualTo("false");
        }
    }

    /** Opens an imported pledge from the unit's list, the newest first, by its pledger's name. */
    private static void openImported(String pledger) {
        go("#/pledges");
        wait.until(driver -> {
            driver.findElement(By.xpath("//table[@id='pledge-list']//a[text()='" + pledger + "']")).click();
            return true;
        });
    }

    @Test
    @Order(5)
    void theCommuneSubmitsItsReportAfterThePlausibilityWarnings() throws Exception {
        go("#/reports/new");
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-period")))).selectByValue(String.valueOf(YEAR));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicator-studySessions")));
        type(By.id("indicator-studySessions"), "12");
        type(By.id("indicator-studyParticipants"), "3");
        type(By.id("indicator-issuesResolved"), "4");
        type(By.id("narrative-results"), "Tổ chức 12 buổi sinh hoạt chuyên đề; 100% chi bộ đăng ký làm theo.");
        browser.findElement(By.id("report-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-warnings"), "ít hơn số buổi"));
        screenshot("report-warnings");
        browser.findElement(By.id("report-submit")).click();
        wait.until(driver -> "SUBMITTED".equals(factOf("report-status", "status")));
        screenshot("report-submitted");
    }

    @Test
    @Order(6)
    void theProvinceReturnsTheReportWithAReasonThenApprovesTheResubmission() throws Exception {
        switchUser(PROVINCE_OFFICER);
        go("#/approvals");
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approval-period")))).selectByValue(String.valueOf(YEAR));
        By queued = By.cssSelector("#approval-queue li[data-report-id='" + YEAR + "~w-05569'] button");
        wait.until(ExpectedConditions.elementToBeClickable(queued)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("return-reason"))).sendKeys("Bổ sung số lượt người tham gia học tập.");
        screenshot("approval-open");
        browser.findElement(By.id("return-report")).click();
        wait.until(driver -> driver.findElements(queued).isEmpty());

        switchUser(COMMUNE_OFFICER);
        go("#/reports/new");
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-period")))).selectByValue(String.valueOf(YEAR));
        wait.until(driver -> "RETURNED".equals(factOf("report-status", "status")));
        assertThat(browser.findElement(By.id("report-status")).getText()).contains("Bổ sung số lượt người tham gia học tập.");
        WebElement participants = browser.findElement(By.id("indicator-studyParticipants"));
        participants.clear();
        participants.sendKeys("450");
        browser.findElement(By.id("report-submit")).click();
        wait.until(driver -> "SUBMITTED".equals(factOf("report-status", "status")));

        switchUser(PROVINCE_OFFICER);
        go("#/approvals");
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approval-period")))).selectByValue(String.valueOf(YEAR));
        wait.until(ExpectedConditions.elementToBeClickable(queued)).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-report"))).click();
        wait.until(driver -> driver.findElements(queued).isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("consolidated-sums"), "450"));
        screenshot("approval-consolidated");
        // the consolidated report as the PDF to print and sign, fetched with the officer's token
        browser.findElement(By.id("consolidated-pdf")).click();
        wait.until(ExpectedConditions.textToBe(By.id("consolidated-export-status"), "Đã tải tệp về máy."));
    }

    @Test
    @Order(7)
    void theProvinceEvaluatesTheSelfAssessedPledge() throws Exception {
        go("#/pledges/" + pledgeId);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("action-evaluate"))).click();
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evaluation-grade")))).selectByValue("GOOD");
        browser.findElement(By.cssSelector("#evaluation-form button[type='submit']")).click();
        wait.until(driver -> "EVALUATED".equals(fact("status")));
        screenshot("pledge-evaluated");
    }

    @Test
    @Order(8)
    void theCentralBoardReadsDrillsDownFromTheMapAndCannotWrite() throws Exception {
        switchUser(CENTRAL_BOARD);
        go("#/pledges/" + pledgeId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge-actions")));
        assertThat(browser.findElements(By.cssSelector("#pledge-actions button, #pledge-actions a"))).isEmpty();
        go("#/pledges/new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .notice")));
        assertThat(browser.findElements(By.id("pledge-form"))).isEmpty();

        go("#/reporting");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reporting-by-child tbody tr")));
        assertThat(browser.findElement(By.id("reporting-by-child")).getText()).contains("Thái Nguyên");
        browser.findElement(By.id("missing-search")).sendKeys("thai nguyen\n");
        // the first page lists the provinces that have not reported; the search keeps Thái Nguyên's units only
        wait.until(driver -> !driver.findElement(By.cssSelector("#missing-table tbody")).getText().contains("Đà Nẵng"));
        assertThat(browser.findElement(By.cssSelector("#missing-table tbody")).getText()).contains("Thái Nguyên");
        screenshot("completeness-search");

        go("#/unit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#province-map svg path")));
        clickAProvinceOnTheMap();
        wait.until(ExpectedConditions.urlMatches("#/unit/p-\\d+$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#children-table")));
        screenshot("map-drill-down");

        go("#/overview");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-coverage svg text")));
        assertThat(browser.findElements(By.cssSelector("#kpi-coverage svg text")).stream().map(WebElement::getText))
                .anyMatch(text -> text.contains("%"));
        screenshot("overview-trend-axes");
    }

    private static void clickAProvinceOnTheMap() {
        String before = browser.getCurrentUrl();
        for (WebElement province : browser.findElements(By.cssSelector("#province-map svg path"))) {
            try {
                province.click();
            } catch (RuntimeException notClickable) {
                continue;
            }
            if (!browser.getCurrentUrl().equals(before)) {
                return;
            }
        }
    }

    private static void signInAs(String sub) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.demo-user[data-sub='" + sub + "']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));
    }

    private static void switchUser(String sub) {
        browser.findElement(By.id("sign-out")).click();
        signInAs(sub);
    }

    private static void go(String hash) {
        browser.get(SystemStack.GATEWAY.resolve("/" + hash).toString());
    }

    private static void type(By field, String text) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(field));
        element.sendKeys(text);
    }

    private static void setDate(By field, String isoDate) {
        WebElement element = browser.findElement(field);
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                element, isoDate);
    }

    private static String fact(String name) {
        return factOf("pledge-facts", name);
    }

    private static String factOf(String list, String name) {
        List<WebElement> found = browser.findElements(By.cssSelector("#" + list + " [data-fact='" + name + "']"));
        return found.isEmpty() ? null : found.get(0).getAttribute("data-value");
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
