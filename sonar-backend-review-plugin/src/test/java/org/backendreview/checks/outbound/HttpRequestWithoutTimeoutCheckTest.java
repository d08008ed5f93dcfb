/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class HttpRequestWithoutTimeoutCheckTest {

  @Test
  void requests_sessions_aiohttp_urllib_httpx() {
    CheckVerifier.verify(Samples.file("outbound/httpRequestWithoutTimeout.py"), new HttpRequestWithoutTimeoutCheck());
  }

  @Test
  void default_socket_timeout_set_in_module() {
    CheckVerifier.verifyNoIssue(Samples.file("outbound/httpRequestWithoutTimeoutDefaultSocket.py"), new HttpRequestWithoutTimeoutCheck());
  }

  @Test
  void quick_fix_adds_timeout() {
    QuickFixVerifier.verify(new HttpRequestWithoutTimeoutCheck(),
      "import requests\nrequests.get(url, params=p,)\n",
      "import requests\nrequests.get(url, params=p, timeout=10,)\n");
    QuickFixVerifier.verify(new HttpRequestWithoutTimeoutCheck(),
      "import requests\ns = requests.Session()\ns.get(url)\n",
      "import requests\ns = requests.Session()\ns.get(url, timeout=10)\n");
    QuickFixVerifier.verify(new HttpRequestWithoutTimeoutCheck(),
      "import urllib.request\nurllib.request.urlopen()\n",
      "import urllib.request\nurllib.request.urlopen(timeout=10)\n");
    QuickFixVerifier.verifyMessages(new HttpRequestWithoutTimeoutCheck(), "import requests\nrequests.get(url)\n", "Add \"timeout=10\"");
  }
}
