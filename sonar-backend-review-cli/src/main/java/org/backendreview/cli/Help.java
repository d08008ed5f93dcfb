/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

/** The {@code --help} text. */
final class Help {

  static final String TEXT = """
    Usage: backend-review [scan] [options] [PATH...]
           backend-review --list-rules [--format text|json|markdown]
           backend-review daemon status|stop

    Runs the "Backend Review way" profile (SonarPython's Sonar way and the Backend Review rules for
    Django, DRF, FastAPI, SQLAlchemy, Celery, async, OWASP) on the Python files under PATH (default:
    the current directory), as SonarQube's Python analyzer would, without a server.

    Rules (keys: python:S2077, backendreview:SqlInjection, or a bare key such as SqlInjection)
          --profile NAME           backend-review-way (default: Sonar way and ours, as in SonarQube)
                                   or backend-review (our rules only)
      -r, --rules KEY[,KEY...]     run only these rules
          --all                    run every rule of both repositories
          --disable KEY[,KEY...]   do not run these rules
      -p, --param KEY.PARAM=VALUE  set a rule parameter (repeatable), e.g.
                                   --param AllowedHostsWildcard.nonDeployableSettings='dev|local'
          --list-rules             print key, title, type, severity, OWASP, CWE of every rule

    Quick fixes
          --fix                    print the quick fixes of the findings as a unified diff (dry run)
          --fix --apply            apply them to the files

    Files
      -e, --exclude PATTERN        skip files and directories matching this .gitignore-style
                                   pattern, relative to the base directory (repeatable)
          --no-gitignore           do not skip what .gitignore files ignore
          --no-default-excludes    also analyse virtualenvs, node_modules, build, dist, .tox, .git...
          --tests PATTERN          files matching this pattern are test files (repeatable); default:
                                   SonarPython's heuristic. Rules for main code skip test files.
          --package-root DIR       compute module names from DIR (repeatable; default: from the
                                   __init__.py files)
          --notebooks              analyse Jupyter notebooks (.ipynb) too (SonarQube does not run
                                   custom rules on notebooks)
          --python-version 3.X     target Python version(s), like sonar.python.version
          --max-file-size SIZE     skip larger files (default 20MB, SonarQube's limit)
          --base-dir DIR           paths in the output are relative to DIR (default: the directory of
                                   the pyproject.toml with [tool.backend-review], or the current one)

    Output
      -f, --format FORMAT          text (default), json, sarif (GitHub code scanning), sonarqube
                                   (generic issue import), markdown (review report)
      -o, --output FILE            write the report to FILE instead of the standard output
          --color auto|always|never  colours in text output (default: only on a terminal)
      -q, --quiet                  no progress, warnings or summary on stderr
      -v, --verbose                print phase times, files/s and LOC/s on stderr

    Legacy code and CI
          --baseline FILE          report only findings that are not in FILE
          --write-baseline FILE    record the current findings in FILE and exit 0
          --fail-on SEVERITY       exit 1 only for findings at or above SEVERITY: blocker, high,
                                   medium, low, info (default: any finding) or none
          --strict                 exit 2 when a file could not be analysed

    Configuration
      -c, --config FILE            read [tool.backend-review] from FILE (default: the nearest
                                   pyproject.toml that has the table, from PATH upwards)
          --no-config              ignore pyproject.toml
      -j, --threads N              worker threads (default: the number of CPUs)
          --no-cache               do not read or write the findings cache
          --daemon                 hand the scan to a resident scanner process that keeps the JVM and
                                   the rules between scans (started on first use, exits after 15 idle
                                   minutes; never when CI is set). backend-review daemon status|stop
          --cache-dir DIR              the findings cache (default: .backend-review-cache in the base
                                   directory)
      -V, --version                print the version
      -h, --help                   print this help

    Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or analysis error.
    Documentation: docs/cli.md
    """;

  private Help() {
  }
}
