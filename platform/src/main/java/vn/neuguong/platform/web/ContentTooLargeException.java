package vn.neuguong.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** A request body above the size accepted for its path: 413. */
public class ContentTooLargeException extends ApiException {

    public ContentTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, detail(limit), Map.of());
    }

    static String detail(DataSize limit) {
        return "The request body is larger than the " + describe(limit) + " accepted here.";
    }

    private static String describe(DataSize size) {
        return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
                ? size.toMegabytes() + " MiB" : size.toKilobytes() + " KiB";
    }
}
