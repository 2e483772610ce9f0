package org.imprimatur;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting of the service's {@code @ConfigMapping}s has a row in the README's settings table
 * ("Configuration"), found by its environment variable. The property names are derived as Quarkus
 * derives them: the mapping's prefix, then each method's name in kebab case (or its
 * {@code @WithName}), nested groups adding their own segment; {@code imprimatur.a.b-c} is the
 * variable {@code IMPRIMATUR_A_B_C}. No Quarkus start needed.
 */
class ConfigurationTableTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(imprimatur\\.[^:}]+)(?::([^}]*))?}");

    @Test
    void everySettingOfTheMappingsIsInTheReadmeTable() throws IOException {
        Map<String, String> settings = mappedSettings();
        assertTrue(settings.containsKey("imprimatur.auth.oidc.roles-claim") && settings.size() > 30,
                "the mappings were not all found: " + settings.keySet());
        Set<String> documented = documentedVariables(Files.readString(README));
        Map<String, String> missing = new TreeMap<>();
        settings.forEach((property, mapping) -> {
            if (!documented.contains(environmentVariable(property))) {
                missing.put(environmentVariable(property), property + " (" + mapping + ")");
            }
        });
        assertEquals(Map.of(), missing, "settings missing from the README's settings table");
    }

    /**
     * Quarkus' scheduler and application.properties do not see a mapping's defaults, so an
     * expression repeats the default; it must name a mapped setting and say what its mapping says.
     */
    @Test
    void expressionsNameMappedSettingsWithTheirDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        collectAll(new TreeMap<>(), defaults);
        List<String> expressions = new ArrayList<>();
        for (JavaClass type : productionClasses()) {
            for (Method method : type.reflect().getDeclaredMethods()) {
                Scheduled scheduled = method.getAnnotation(Scheduled.class);
                if (scheduled != null) {
                    expressions.add(type.getSimpleName() + "." + method.getName() + " every=" + scheduled.every());
                    expressions.add(type.getSimpleName() + "." + method.getName() + " delayed=" + scheduled.delayed());
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (!line.startsWith("#")) {
                expressions.add("application.properties " + line);
            }
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String expression : expressions) {
            Matcher reference = EXPRESSION.matcher(expression);
            while (reference.find()) {
                String property = reference.group(1);
                if (property.equals("imprimatur.embedded")) {
                    continue;
                }
                checked++;
                if (!defaults.containsKey(property)) {
                    wrong.add(expression + ": no mapping declares " + property + " with a default");
                } else if (reference.group(2) == null) {
                    wrong.add(expression + ": repeat the mapping's default " + defaults.get(property));
                } else if (!sameValue(reference.group(2), defaults.get(property))) {
                    wrong.add(expression + ": the mapping's default is " + defaults.get(property));
                }
            }
        }
        assertTrue(checked >= 6, "expected the scheduler intervals among " + expressions);
        assertEquals(List.of(), wrong);
    }

    private static boolean sameValue(String expressionDefault, String mappingDefault) {
        if (expressionDefault.equalsIgnoreCase(mappingDefault)) {
            return true;
        }
        try {
            return duration(expressionDefault).equals(duration(mappingDefault));
        } catch (RuntimeException notDurations) {
            return false;
        }
    }

    private static Duration duration(String value) {
        return Duration.parse(Character.isDigit(value.charAt(0)) ? "PT" + value : value);
    }

    @Test
    void namesAreDerivedAsQuarkusDerivesThem() {
        assertEquals("per-username-and-address", kebab("perUsernameAndAddress"));
        assertEquals("IMPRIMATUR_AUTH_THROTTLE_PER_USERNAME_AND_ADDRESS",
                environmentVariable("imprimatur.auth.throttle.per-username-and-address"));
        Set<String> row = documentedVariables("""
                ## Configuration
                | variable | default | meaning |
                |---|---|---|
                | `IMPRIMATUR_WEBHOOKS_RETRY_BASE_DELAY`, `_RETRY_MAX_DELAY` | `5S`, `1H` | … |
                | `QUARKUS_DATASOURCE_JDBC_URL`, `_USERNAME` | unset | … |
                """);
        assertTrue(row.containsAll(Set.of("IMPRIMATUR_WEBHOOKS_RETRY_BASE_DELAY", "IMPRIMATUR_WEBHOOKS_RETRY_MAX_DELAY",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME")), row.toString());
    }

    /** Property name → the mapping interface that declares it. */
    static Map<String, String> mappedSettings() {
        Map<String, String> settings = new TreeMap<>();
        collectAll(settings, new TreeMap<>());
        return settings;
    }

    private static JavaClasses production;

    /** The service's classes, read once for all the checks of this class. */
    private static synchronized JavaClasses productionClasses() {
        if (production == null) {
            production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.imprimatur");
        }
        return production;
    }

    private static void collectAll(Map<String, String> settings, Map<String, String> defaults) {
        for (JavaClass mapping : productionClasses()) {
            if (mapping.isAnnotatedWith(ConfigMapping.class)) {
                Class<?> type = mapping.reflect();
                collect(type.getAnnotation(ConfigMapping.class).prefix(), type, type.getName(), settings, defaults);
            }
        }
    }

    private static void collect(String prefix, Class<?> group, String mapping, Map<String, String> settings,
                                Map<String, String> defaults) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class)
                            ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Class<?> valueType = method.getReturnType() == Optional.class
                    ? typeArgument(method.getGenericReturnType()) : method.getReturnType();
            if (Map.class.isAssignableFrom(valueType)) {
                throw new AssertionError(mapping + "." + method.getName() + ": a map of settings; teach this test its names");
            }
            if (valueType.isInterface() && valueType.getName().startsWith("org.imprimatur.")) {
                collect(name, valueType, mapping, settings, defaults);
            } else {
                settings.put(name, mapping);
                if (method.isAnnotationPresent(WithDefault.class)) {
                    defaults.put(name, method.getAnnotation(WithDefault.class).value());
                }
            }
        }
    }

    private static Class<?> typeArgument(Type type) {
        Type argument = ((ParameterizedType) type).getActualTypeArguments()[0];
        return argument instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) argument;
    }

    /** SmallRye's default naming strategy: {@code keyActivationDelay} is {@code key-activation-delay}. */
    static String kebab(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** How the environment sets a property: every character but letters and digits becomes {@code _}. */
    static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The variables in the first column of the table under "## Configuration". A cell may name
     * further variables by their ending ({@code `IMPRIMATUR_A_B`, `_C`}): an ending continues any
     * leading part of a full name before it in the cell.
     */
    static Set<String> documentedVariables(String readme) {
        String text = "\n" + readme;
        int start = text.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README has no Configuration section");
        int end = text.indexOf("\n## ", start + 1);
        String section = text.substring(start, end < 0 ? text.length() : end);
        Set<String> variables = new TreeSet<>();
        Pattern code = Pattern.compile("`([A-Z0-9_]+)`");
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            List<String> full = new ArrayList<>();
            Matcher names = code.matcher(firstCell);
            while (names.find()) {
                String name = names.group(1);
                if (!name.startsWith("_")) {
                    full.add(name);
                    variables.add(name);
                    continue;
                }
                for (String before : full) {
                    for (int cut = before.indexOf('_'); cut > 0; cut = before.indexOf('_', cut + 1)) {
                        variables.add(before.substring(0, cut) + name);
                    }
                }
            }
        }
        return variables;
    }
}
