package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        this(detail, Map.of());
    }

    public ConflictException(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, detail, properties);
    }
}
