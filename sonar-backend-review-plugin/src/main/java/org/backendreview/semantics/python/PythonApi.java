/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.python;

import org.backendreview.tree.Api;

/**
 * The API names of Python's builtins and standard library (and of drop-in replacements such as {@code orjson}) that
 * rules look for, declared once with their aliases.
 */
public final class PythonApi {

  // typing: containers and wrappers as annotations name them
  public static final Api STR = Api.of("str");
  public static final Api BYTES = Api.of("bytes");
  public static final Api LIST = Api.of("list", "typing.List");
  public static final Api SEQUENCE = Api.of("typing.Sequence", "collections.abc.Sequence");
  public static final Api DICT = Api.of("dict", "typing.Dict");
  public static final Api MAPPING = Api.of("typing.Mapping", "collections.abc.Mapping");
  public static final Api MUTABLE_MAPPING = Api.of("typing.MutableMapping");
  public static final Api SET = Api.of("set", "typing.Set");
  public static final Api FROZENSET = Api.of("frozenset", "typing.FrozenSet");
  public static final Api ANY = Api.of("typing.Any", "typing_extensions.Any");
  public static final Api OPTIONAL = Api.of("typing.Optional");
  public static final Api UNION = Api.of("typing.Union");
  public static final Api ANNOTATED = Api.of("typing.Annotated", "typing_extensions.Annotated");

  /** Calls building a mutable container. */
  public static final Api CONTAINER_FACTORIES = Api.of("dict", "list", "set", "collections.defaultdict", "collections.OrderedDict",
    "collections.Counter", "collections.deque");
  /** The base class of enumerations. */
  public static final Api ENUM = Api.of("enum.Enum");
  /** The module of enumerations: every class in it is an enumeration base. */
  public static final String ENUM_MODULE = "enum.";
  /** Exception classes that catch everything an application raises. */
  public static final Api BROAD_EXCEPTIONS = Api.of("Exception", "BaseException", "builtins.Exception", "builtins.BaseException");
  /** Calls that end the process. */
  public static final Api EXIT = Api.of("sys.exit", "os._exit", "exit");
  /** Context manager decorators of contextlib. */
  public static final Api CONTEXT_MANAGER_DECORATORS = Api.of("contextlib.asynccontextmanager", "contextlib.contextmanager");
  /** subprocess helpers that wait for the child process, and {@code os.system}. */
  public static final Api WAITING_SUBPROCESS = Api.of("subprocess.run", "subprocess.call", "subprocess.check_call",
    "subprocess.check_output", "subprocess.getoutput", "subprocess.getstatusoutput", "os.system");
  /** {@code json.load} (reads a file object). */
  public static final Api JSON_LOAD = Api.of("json.load");
  /** JSON parsers: the standard library's and the drop-in replacements. */
  public static final Api JSON_LOADS = Api.anyOf(JSON_LOAD, Api.of("json.loads", "orjson.loads", "ujson.loads", "simplejson.loads"));

  private PythonApi() {
  }
}
