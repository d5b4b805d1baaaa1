package vn.neuguong.pledge.imports;

import org.springframework.http.MediaType;

/** The file formats of a bulk import, by Content-Type. docs/imports.md describes them. */
public enum ImportFormat {

    /** One row per commitment; consecutive rows of the same pledger form one pledge. */
    CSV("text/csv"),
    /** One JSON pledge per line, like the body of {@code POST /api/pledges}. */
    NDJSON("application/x-ndjson"),
    /** An Excel workbook laid out like the CSV on its first sheet; converted to CSV when it is received. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static ImportFormat of(MediaType contentType) {
        for (ImportFormat format : values()) {
            if (MediaType.parseMediaType(format.mediaType).isCompatibleWith(contentType)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Not an import format: " + contentType);
    }
}
