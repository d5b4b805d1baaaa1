package vn.neuguong.pledge.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The known study themes, bundled from the shared reference data ({@code data/study-themes.json}). */
public class StudyThemes {

    public static final String RESOURCE = "/data/study-themes.json";

    private final List<StudyTheme> themes;

    public StudyThemes(List<StudyTheme> themes) {
        this.themes = List.copyOf(themes);
    }

    public static StudyThemes bundled(JsonMapper jsonMapper) {
        try (InputStream in = StudyThemes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new StudyThemes(jsonMapper.readValue(in, new TypeReference<List<StudyTheme>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<StudyTheme> find(String id) {
        return themes.stream().filter(theme -> theme.id().equals(id)).findFirst();
    }

    /** The theme a pledge of this year follows when it names none; some years have none. */
    public Optional<StudyTheme> covering(int year) {
        return themes.stream().filter(theme -> theme.covers(year)).findFirst();
    }
}
