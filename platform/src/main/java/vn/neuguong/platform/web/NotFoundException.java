package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail, Map.of());
    }
}
