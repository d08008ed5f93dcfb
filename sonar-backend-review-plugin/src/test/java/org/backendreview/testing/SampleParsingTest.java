/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import com.sonar.sslr.api.Grammar;
import com.sonar.sslr.impl.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonar.python.api.PythonGrammar;
import org.sonar.python.api.PythonGrammarBuilder;
import org.sonar.python.lexer.LexerState;
import org.sonar.python.lexer.PythonLexer;
import org.sonar.sslr.tests.ParserAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sonar.sslr.tests.Assertions.assertThat;

/**
 * Parser-level assertions (sslr-testing-harness): every sample file parses with the python frontend's grammar, so a
 * check test can never pass because its sample silently failed to parse, and the modern syntax our users write parses.
 */
class SampleParsingTest {

  static Stream<Path> samples() throws IOException {
    return Files.walk(Samples.ROOT).filter(p -> p.toString().endsWith(".py")).sorted();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sample_file_parses(Path sample) throws IOException {
    assertParses(Files.readString(sample, StandardCharsets.UTF_8));
  }

  @Test
  void there_are_samples() throws IOException {
    assertThat(samples().count()).isGreaterThan(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "match command:\n    case {\"action\": str(a)}:\n        pass\n    case _:\n        pass\n",
    "type Pair[T] = tuple[T, T]\n",
    "def first[T](items: list[T]) -> T:\n    return items[0]\n",
    "if (n := len(items)) > 10:\n    pass\n",
    "try:\n    pass\nexcept* ValueError as group:\n    pass\n",
    "async def f(session):\n    return [row async for row in session.stream(q)]\n",
    "x = f\"{user['name']!r:>{width}}\"\n",
    "def handler(request, /, *, timeout: float | None = None) -> dict[str, int]:\n    ...\n",
  })
  void modern_syntax_parses(String code) {
    assertParses(code);
  }

  @Test
  void broken_code_does_not_parse() {
    PythonSslrParser.assertThatSource("").notMatches("def broken(:\n    pass\n");
  }

  /**
   * An SSLR parser on the frontend's grammar and lexer. The frontend closes indented blocks at end of file in its own
   * parser subclass; here a final top-level statement closes them, which does not change whether the rest parses.
   */
  private static final class PythonSslrParser {
    static ParserAssert assertThatSource(String source) {
      LexerState state = new LexerState();
      state.reset();
      Parser<Grammar> parser = Parser.builder(new PythonGrammarBuilder().create())
        .withLexer(PythonLexer.create(state))
        .build();
      parser.setRootRule(parser.getGrammar().rule(PythonGrammar.FILE_INPUT));
      return assertThat(parser).as(source);
    }
  }

  private static ParserAssert assertParses(String source) {
    return PythonSslrParser.assertThatSource(source).matches(source + (source.endsWith("\n") ? "" : "\n") + "pass\n");
  }
}
