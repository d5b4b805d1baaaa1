package vn.neuguong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class ProblemHandlerTest {

    enum Area { STUDY, DUTY }

    record Commitment(@NotBlank String action, Area area, LocalDate dueDate) {
    }

    record Body(@NotBlank String name, @Valid @Size(min = 1) List<Commitment> commitments) {
    }

    @RestController
    static class Probe {

        @PostMapping("/probe")
        Body echo(@Valid @RequestBody Body body) {
            return body;
        }

        @GetMapping("/probe/{id}")
        String find(@PathVariable int id) {
            return switch (id) {
                case 1 -> throw new NotFoundException("Pledge 1 does not exist");
                case 2 -> throw new ConflictException("Already registered", Map.of("existingId", "pl-9"));
                case 3 -> throw new IllegalStateException("secret internal host db-7.internal");
                default -> "ok";
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probe())
            .setControllerAdvice(new ProblemHandler(ProblemMessages.bundled()))
            .setMessageConverters(new JacksonJsonHttpMessageConverter(JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()))
            .setValidator(validator())
            .build();

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }

    @Test
    void beanValidationNamesEveryField() throws Exception {
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"commitments\":[{\"action\":\"\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("commitments[0].action"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
    }

    @Test
    void unknownFieldsAreRejectedByName() throws Exception {
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"commitments\":[{\"action\":\"a\"}],\"status\":\"EVALUATED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
    }

    @Test
    void wrongEnumValuesListTheAllowedOnes() throws Exception {
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"commitments\":[{\"action\":\"a\",\"area\":\"SPORT\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("commitments[0].area"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("STUDY")));
    }

    @Test
    void malformedDatesAndJsonAreFieldProblems() throws Exception {
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"commitments\":[{\"action\":\"a\",\"dueDate\":\"31/12/2026\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("commitments[0].dueDate"));
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void apiExceptionsKeepTheirStatusAndProperties() throws Exception {
        mvc.perform(get("/probe/1")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Pledge 1 does not exist"));
        mvc.perform(get("/probe/2")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingId").value("pl-9"));
        mvc.perform(get("/probe/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void unexpectedErrorsRevealNothingInternal() throws Exception {
        mvc.perform(get("/probe/3")).andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("db-7"))));
    }

    @Test
    void problemsFollowAcceptLanguageVietnameseOrEnglish() throws Exception {
        String body = "{\"name\":\"\",\"commitments\":[{\"action\":\"a\"}],\"status\":\"EVALUATED\"}";
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
                .andExpect(jsonPath("$.detail").value("status: không phải là trường được hỗ trợ"))
                .andExpect(jsonPath("$.errors[0].message").value("không phải là trường được hỗ trợ"));
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en-GB")
                        .content(body))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
        mvc.perform(get("/probe/1").header("Accept-Language", "vi"))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"))
                .andExpect(jsonPath("$.detail").value("Pledge 1 does not exist"));
        mvc.perform(get("/probe/3").header("Accept-Language", "vi"))
                .andExpect(jsonPath("$.detail").value("Đã xảy ra lỗi ngoài dự kiến; lỗi đã được ghi lại."));
    }

    @Test
    void templatesCarryTheNumbersOfTheMessage() {
        ProblemMessages messages = ProblemMessages.bundled();
        assertThat(messages.translate("must be at most 500 characters", ProblemMessages.VIETNAMESE))
                .isEqualTo("tối đa 500 ký tự");
        assertThat(messages.translate("must be between 2016 and 2027", ProblemMessages.VIETNAMESE))
                .isEqualTo("phải từ 2016 đến 2027");
        assertThat(messages.translate("the unit's own words stay", ProblemMessages.VIETNAMESE))
                .isEqualTo("the unit's own words stay");
        assertThat(ProblemMessages.localeOf(null)).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemMessages.localeOf("fr-FR, vi;q=0.4")).isEqualTo(ProblemMessages.VIETNAMESE);
        assertThat(ProblemMessages.localeOf("x;;q=bad")).isEqualTo(Locale.ENGLISH);
    }
}
