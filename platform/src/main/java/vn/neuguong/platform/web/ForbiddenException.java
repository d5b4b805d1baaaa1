package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, detail, Map.of());
    }
}
