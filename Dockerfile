# One image per service: docker build --build-arg MODULE=pledge-service .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN ./mvnw -B -q -DskipTests -pl ${MODULE} -am package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 neuguong
USER neuguong
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
