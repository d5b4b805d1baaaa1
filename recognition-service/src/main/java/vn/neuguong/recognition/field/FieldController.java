package vn.neuguong.recognition.field;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FieldController {

    record FieldView(String code, String labelVi, String labelEn) {
    }

    @GetMapping("/api/nominations/fields")
    List<FieldView> fields() {
        return Arrays.stream(FieldOfWork.values())
                .map(field -> new FieldView(field.name(), field.labelVi(), field.labelEn())).toList();
    }
}
