package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}), found at the paths of
 * {@code -Dhallpass.chromium} and {@code -Dhallpass.chromedriver} (default {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}). Both paths are given to Selenium, so Selenium Manager never looks for, let alone
 * downloads, a browser or a driver. Where either is missing the test is skipped with a message saying so, or, with
 * {@code -Dhallpass.it.require=true} (as {@code .ci/run} sets), fails with it.
 *
 * <p>The browser runs headless with a fresh profile, and all its traffic except loopback goes to a proxy that does
 * not exist ({@code 127.0.0.1:9}), so whatever it might try to fetch from the internet fails instead of leaving
 * the machine; Chromium never sends loopback traffic through a proxy.
 */
record Chromium(Path binary, Path driver) {

    static Chromium findOrSkip() {
        Path binary = Path.of(System.getProperty("hallpass.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("hallpass.chromedriver", "/usr/bin/chromedriver"));
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(binary)) {
            missing.add("Chromium at " + binary + " (-Dhallpass.chromium)");
        }
        if (!Files.isExecutable(driver)) {
            missing.add("ChromeDriver at " + driver + " (-Dhallpass.chromedriver)");
        }
        if (!missing.isEmpty()) {
            String message = "no " + String.join(" and no ", missing) + ", so the browser tests do not run."
                    + " Install Debian's chromium and chromium-driver, or point the properties at a matching pair;"
                    + " with -Dhallpass.it.require=true this is a failure instead of a skip.";
            if (Boolean.getBoolean("hallpass.it.require")) {
                fail(message);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return new Chromium(binary, driver);
    }

    /**
     * Starts headless Chromium with a fresh profile in {@code folder/profile}, downloads going to
     * {@code downloads}, and ChromeDriver's log in {@code folder/chromedriver.log}.
     */
    ChromeDriver start(Path folder, Path downloads) throws IOException {
        Path profile = Files.createDirectories(folder.resolve("profile"));
        Files.createDirectories(downloads);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(folder.resolve("chromedriver.log").toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-default-apps",
                "--disable-client-side-phishing-detection", "--safebrowsing-disable-download-protection",
                "--proxy-server=http://127.0.0.1:9",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        prefs.put("credentials_enable_service", false);
        prefs.put("profile.password_manager_enabled", false);
        prefs.put("profile.password_manager_leak_detection", false);
        options.setExperimentalOption("prefs", prefs);
        return new ChromeDriver(service, options);
    }
}
