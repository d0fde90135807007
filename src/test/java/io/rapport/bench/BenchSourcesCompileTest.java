package io.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks under {@code bench/} are single-file programs run against the jar, so nothing
 * else compiles them: a refactoring could break one unnoticed until someone tries to measure.
 * This compiles each against the current code.
 */
class BenchSourcesCompileTest {
  @Test
  void everyBenchmarkCompilesAgainstTheCurrentCode(@TempDir Path out) throws Exception {
    List<File> sources;
    try (Stream<Path> files = Files.list(Path.of("bench"))) {
      sources = new ArrayList<>(files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList());
    }
    assertThat(sources).hasSizeGreaterThanOrEqualTo(6);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (File source : sources) {
      StringWriter errors = new StringWriter();
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
        Iterable<? extends JavaFileObject> unit = files.getJavaFileObjects(source);
        List<String> options =
            List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none");
        boolean ok = javac.getTask(errors, files, null, options, null, unit).call();
        assertThat(ok).as(source + " does not compile:%n%s", errors).isTrue();
      }
    }
  }
}
