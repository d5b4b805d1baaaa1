package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request bodies a service reads, like the gateway's limits, so that a request sent straight to a service
 * port is bounded too.
 *
 * @param maxBody      every request's limit
 * @param largerBodies exceptions by exact path, e.g. {@code "[/api/pledges/imports]": 64MB}
 */
@ConfigurationProperties("neuguong.request-size")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize maxBody, Map<String, DataSize> largerBodies) {

    public RequestSizeProperties {
        largerBodies = largerBodies == null ? Map.of() : Map.copyOf(largerBodies);
    }

    DataSize limitFor(String path) {
        return largerBodies.getOrDefault(path, maxBody);
    }
}
