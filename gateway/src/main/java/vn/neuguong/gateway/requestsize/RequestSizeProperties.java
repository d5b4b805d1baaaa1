package vn.neuguong.gateway.requestsize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request bodies the gateway forwards.
 *
 * @param maxBody       for every request except bulk imports
 * @param maxImportBody for {@code /api/pledges/imports} (CSV or JSON-lines files of a whole unit)
 */
@ConfigurationProperties("neuguong.request-size")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("64MB") DataSize maxImportBody) {
}
