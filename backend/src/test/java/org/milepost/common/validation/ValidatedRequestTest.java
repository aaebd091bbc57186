package org.milepost.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Constraints on a resource method's parameters are checked only where {@link ValidatedRequest} binds the
 * interceptor (ADR 0023): a resource class that declares them without it would accept any input in silence.
 */
class ValidatedRequestTest {

    @Test
    void shouldBindTheValidationInterceptorToEveryResourceWhoseParametersCarryConstraints() throws Exception {
        List<Class<?>> resources = resourceClasses();
        List<String> constrained = new ArrayList<>();
        List<String> unbound = new ArrayList<>();
        for (Class<?> type : resources) {
            if (hasParameterConstraints(type)) {
                constrained.add(type.getSimpleName());
                if (!type.isAnnotationPresent(ValidatedRequest.class)) {
                    unbound.add(type.getName());
                }
            }
        }
        assertTrue(
                constrained.containsAll(List.of("CardResource", "MeetingResource")),
                "resources with parameter constraints: " + constrained);
        assertEquals(List.of(), unbound, "resources with parameter constraints but no @ValidatedRequest");
    }

    private static boolean hasParameterConstraints(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            for (Parameter parameter : method.getParameters()) {
                for (Annotation annotation : parameter.getAnnotations()) {
                    if (annotation.annotationType().getPackageName().startsWith("jakarta.validation")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The compiled classes of the application with a {@code @Path}, read from the folder the application's classes
     * were loaded from (whatever the working directory).
     */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException, URISyntaxException {
        java.nio.file.Path root = Paths.get(ValidatedRequest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/milepost"))) {
            names = files.map(root::relativize)
                    .map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        List<Class<?>> resources = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ValidatedRequestTest.class.getClassLoader());
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
        }
        assertTrue(resources.size() > 10, "resource classes found under " + root + ": " + resources);
        return resources;
    }
}
