package vn.neuguong.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare application so the platform's auto-configuration can be tested the way a service uses it. */
@SpringBootApplication
public class PlatformTestApplication {
}
