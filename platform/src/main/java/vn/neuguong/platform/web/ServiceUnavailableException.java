package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, detail, Map.of());
    }
}
