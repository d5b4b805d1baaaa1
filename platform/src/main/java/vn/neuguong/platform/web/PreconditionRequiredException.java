package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

public class PreconditionRequiredException extends ApiException {

    public PreconditionRequiredException(String detail) {
        super(HttpStatus.PRECONDITION_REQUIRED, detail, Map.of());
    }
}
