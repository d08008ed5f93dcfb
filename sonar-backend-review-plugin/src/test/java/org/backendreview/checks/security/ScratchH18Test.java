package org.backendreview.checks.security;

import java.util.List;
import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;

class ScratchH18Test {
  @Test
  void scratch() throws Exception {
    List<String> files = java.nio.file.Files.list(java.nio.file.Path.of("/tmp/h18scratch")).map(Object::toString).filter(f -> f.endsWith(".py")).sorted().toList();
    for (var check : List.of(new OpenRedirectCheck(), new ReflectedXssCheck(), new OsCommandInjectionCheck(), new SqlInjectionCheck())) {
      CheckVerifier.issues(files, check).forEach(i -> System.out.println("[scratch] " + check.getClass().getSimpleName() + " " + i.primaryLocation().startLine() + " " + i.primaryLocation().message()));
    }
  }
}
