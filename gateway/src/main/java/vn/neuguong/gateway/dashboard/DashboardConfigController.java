package vn.neuguong.gateway.dashboard;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /dashboard-config.json}: what the dashboard page needs before anyone has signed in. */
@RestController
class DashboardConfigController {

    private final DashboardConfig config;

    DashboardConfigController(DashboardProperties properties) {
        this.config = new DashboardConfig(properties.mode().value(), properties.issuer().toString(),
                properties.clientId());
    }

    @GetMapping("/dashboard-config.json")
    ResponseEntity<DashboardConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }

    record DashboardConfig(String mode, String issuer, String clientId) {
    }
}
