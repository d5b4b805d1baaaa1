package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A caller's quota of some resource is used up: 429, until some of it is released. */
public class TooManyRequestsException extends ApiException {

    public TooManyRequestsException(String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS, detail, Map.of());
    }
}
