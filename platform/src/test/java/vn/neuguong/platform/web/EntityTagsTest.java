package vn.neuguong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void aVersionRoundTripsThroughItsEtagInEveryAcceptedForm() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
        assertThat(EntityTags.versionIn("\"3\"")).isEqualTo(3);
        assertThat(EntityTags.versionIn("W/\"3\"")).isEqualTo(3);
        assertThat(EntityTags.versionIn(" 3 ")).isEqualTo(3);
        assertThat(EntityTags.versionIn("*")).isNull();
        assertThat(EntityTags.versionIn(null)).isNull();
    }

    @Test
    void aMalformedIfMatchIsAFieldProblem() {
        assertThatThrownBy(() -> EntityTags.versionIn("\"abc\"")).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.errors()).extracting(FieldProblem::field).containsExactly("If-Match"));
    }
}
