package vn.neuguong.pledge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PledgeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PledgeServiceApplication.class, args);
    }
}
