/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.PythonFile;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class DjangoSettingsTest {

  private static final Pattern NON_DEPLOYABLE = DjangoSettings.wordsPattern(DjangoSettings.DEFAULT_NON_DEPLOYABLE);

  private static boolean isSettings(String fileName, String code) {
    boolean[] result = {false};
    Analysis.onEach(fileName, code, Tree.Kind.FILE_INPUT, (tree, ctx) -> result[0] = DjangoSettings.isSettingsModule((FileInput) tree, ctx.pythonFile()));
    return result[0];
  }

  @Test
  void settings_modules_by_path_and_content() {
    assertThat(isSettings("mysite/settings.py", "DEBUG = False\n")).isTrue();
    assertThat(isSettings("mysite/settings/production.py", "from .base import *\nALLOWED_HOSTS = ['a']\n")).isTrue();
    assertThat(isSettings("mysite/prod_settings.py", "SECRET_KEY = x\n")).isTrue();
    assertThat(isSettings("mysite/config.py", "INSTALLED_APPS = []\nROOT_URLCONF = 'x'\nDATABASES = {}\n")).isTrue();
    assertThat(isSettings("mysite/settings.py", "x = 1\n")).isFalse();
    assertThat(isSettings("app/config.py", "DEBUG = True\nALLOWED_HOSTS = ['*']\n")).isFalse();
    assertThat(isSettings("mysite/settings.py", "try:\n    from .local import *\nexcept ImportError:\n    DEBUG = False\n")).isTrue();
  }

  /** {maybeSettingsModule, isSettingsModule by the module's summary} */
  private static boolean[] preTestAndSummary(String fileName, String code) {
    boolean[] result = {false, false};
    Analysis.onEach(fileName, code, Tree.Kind.FILE_INPUT, (tree, ctx) -> {
      result[0] = DjangoSettings.maybeSettingsModule((FileInput) tree, ctx.pythonFile());
      result[1] = DjangoSettings.isSettingsModule(org.backendreview.semantics.project.ModuleSummary.of((FileInput) tree, fileName), ctx.pythonFile());
    });
    return result;
  }

  @Test
  void the_cheap_pre_test_never_rules_out_a_settings_module() {
    String[][] cases = {
      {"mysite/settings.py", "DEBUG = False\n"},
      {"mysite/settings/production.py", "from .base import *\n"},
      {"mysite/config.py", "INSTALLED_APPS = []\nROOT_URLCONF = 'x'\nDATABASES = {}\n"},
      {"mysite/config.py", "import os\nif os.environ.get('X'):\n    INSTALLED_APPS = []\nelse:\n    INSTALLED_APPS = ['a']\n"
        + "try:\n    ROOT_URLCONF: str = 'x'\nexcept ImportError:\n    pass\nwith open('f') as f:\n    DATABASES = {}\n"},
      {"mysite/prod_settings.py", "SECRET_KEY = x\n"},
      {"django/conf/global_settings.py", "INSTALLED_APPS = []\nROOT_URLCONF = 'x'\nDATABASES = {}\n"},
      {"app/views.py", "from django.http import HttpResponse\n\ndef index(request):\n    DEBUG = True\n    return HttpResponse(DEBUG)\n"},
      {"app/models.py", "class Config:\n    INSTALLED_APPS = []\n    ROOT_URLCONF = 'x'\n    DATABASES = {}\n"},
      {"app/helpers.py", "x = settings.INSTALLED_APPS\n"},
    };
    for (String[] c : cases) {
      boolean[] both = preTestAndSummary(c[0], c[1]);
      assertThat(!both[1] || both[0]).as("pre-test ruled out the settings module %s", c[0]).isTrue();
    }
    // what it is for: ordinary modules, also those reading settings or binding setting names in functions or classes
    assertThat(preTestAndSummary("app/views.py", cases[6][1])[0]).isFalse();
    assertThat(preTestAndSummary("app/models.py", cases[7][1])[0]).isFalse();
    assertThat(preTestAndSummary("app/helpers.py", cases[8][1])[0]).isFalse();
    assertThat(preTestAndSummary("mysite/config.py", cases[3][1])).containsExactly(true, true);
  }

  @Test
  void deployable_settings() {
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings.py"), NON_DEPLOYABLE)).isTrue();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings/production.py"), NON_DEPLOYABLE)).isTrue();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings/base.py"), NON_DEPLOYABLE)).isTrue();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings/dev.py"), NON_DEPLOYABLE)).isFalse();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings/local_overrides.py"), NON_DEPLOYABLE)).isFalse();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/test_settings.py"), NON_DEPLOYABLE)).isFalse();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings_ci.py"), NON_DEPLOYABLE)).isFalse();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/devsettings.py"), NON_DEPLOYABLE)).isFalse();
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings/development/__init__.py"), NON_DEPLOYABLE)).isFalse();
    assertThat(DjangoSettings.isDeployable(file("/p/openstack_auth/tests/settings.py"), NON_DEPLOYABLE)).isFalse();
    assertThat(DjangoSettings.isDeployable(file("/p/example_project/settings.py"), NON_DEPLOYABLE)).isFalse();
    // "latest" contains "test" but is not the word "test"
    assertThat(DjangoSettings.isDeployable(file("/p/mysite/settings/latest.py"), NON_DEPLOYABLE)).isTrue();
    // directories above the settings package do not count: a project checked out under /home/dev/
    assertThat(DjangoSettings.isDeployable(file("/home/dev/mysite/settings/production.py"), NON_DEPLOYABLE)).isTrue();
  }

  @Test
  void debug_guard() {
    List<String> guarded = new ArrayList<>();
    Analysis.onEach("settings.py", """
      if DEBUG:
          A = 1
      if not DEBUG:
          B = 1
      if DEBUG and LOCAL:
          C = 1
      else:
          D = 1
      E = 1
      """, Tree.Kind.NAME, (tree, ctx) -> {
        Name name = (Name) tree;
        if (name.name().length() == 1 && DjangoSettings.isGuardedByDebug(name)) {
          guarded.add(name.name());
        }
      });
    assertThat(guarded).containsExactly("A", "C");
  }

  private static PythonFile file(String path) {
    return new PythonFile() {
      @Override
      public String content() {
        return "";
      }

      @Override
      public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
      }

      @Override
      public URI uri() {
        return URI.create("file://" + path);
      }

      @Override
      public String key() {
        return path;
      }
    };
  }
}
