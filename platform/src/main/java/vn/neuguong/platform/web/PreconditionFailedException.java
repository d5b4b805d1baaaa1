package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, detail, Map.of());
    }
}
