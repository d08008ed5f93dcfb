/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Assigned;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.ClassSummary;
import org.backendreview.semantics.project.ModuleSummary.Dotted;
import org.backendreview.semantics.project.ModuleSummary.MethodSummary;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.TypeWrapper;

/**
 * What a Django model declares: its fields with their kinds (plain, forward foreign key / one-to-one, many-to-many,
 * generic relations), its managers, and its {@code Meta} indexes and unique constraints, merged over its model
 * ancestors (abstract bases included), across modules.
 * <p>
 * The frontend's types give the model class and its ancestors ({@code ClassType}) and where each is defined; the
 * declarations themselves are read from the defining modules through {@link ModuleSources}. A model is
 * {@linkplain Model#complete() complete} when every model class of its hierarchy was read: only then may a check
 * conclude anything from the <i>absence</i> of a field (e.g. that {@code book_set} is a reverse relation). Fields of
 * Django's own abstract models ({@code AbstractUser}...) and of third-party models are not read: such models are
 * incomplete.
 */
public final class DjangoModelIndex {

  private static final int MAX_CLASSES = 30;
  private static final Set<String> FOREIGN_KEYS = Set.of("ForeignKey", "TreeForeignKey", "ParentalKey");
  private static final Set<String> ONE_TO_ONES = Set.of("OneToOneField", "AutoOneToOneField");
  private static final Set<String> MANY_TO_MANYS = Set.of("ManyToManyField", "ParentalManyToManyField", "TreeManyToManyField",
    "TaggableManager", "SortedManyToManyField");
  /** Attributes every model instance has (django.db.models.Model and what its metaclass adds). */
  private static final Set<String> MODEL_MEMBERS = Set.of("pk", "id", "objects", "DoesNotExist", "MultipleObjectsReturned", "save",
    "delete", "refresh_from_db", "full_clean", "clean", "clean_fields", "validate_unique", "validate_constraints", "save_base",
    "serializable_value", "from_db", "get_deferred_fields", "prepare_database_save", "unique_error_message", "check", "asave",
    "adelete", "arefresh_from_db", "date_error_message");
  private static final Set<String> DJANGO_MODEL_BASES = Set.of("django.db.models.base.Model", "django.db.models.Model");

  private DjangoModelIndex() {
  }

  public enum Kind {
    /** A concrete non-relational field ({@code CharField}, custom {@code *Field} classes). */
    FIELD,
    FOREIGN_KEY,
    ONE_TO_ONE,
    MANY_TO_MANY,
    GENERIC_FOREIGN_KEY,
    GENERIC_RELATION,
    /** A manager ({@code objects = Manager()}, {@code QuerySet.as_manager()}, {@code *Manager()}). */
    MANAGER,
    /** A class-body call whose meaning is unknown. */
    UNKNOWN;

    /** Forward single-valued relation: reading it on an instance loads the related row. */
    public boolean isForwardSingle() {
      return this == FOREIGN_KEY || this == ONE_TO_ONE;
    }

    /** Multi-valued relation: the attribute is a related manager. */
    public boolean isMulti() {
      return this == MANY_TO_MANY || this == GENERIC_RELATION;
    }
  }

  /**
   * A declared field.
   *
   * @param declaration the declaring call
   * @param fieldClass the field class as written, resolved through the declaring module's imports
   * @param fileId id of the declaring file (for secondary locations)
   */
  public record Field(String name, Kind kind, String fieldClass, Call declaration, String fileId) {

    public boolean flag(String keyword) {
      return declaration.kwargs().get(keyword) instanceof Bool b && b.value();
    }

    /** Indexed by the database: primary key, unique, {@code db_index=True}, or a foreign key (indexed by default). */
    public boolean indexed() {
      if (kind.isForwardSingle()) {
        return !(declaration.kwargs().get("db_index") instanceof Bool b && !b.value()) || flag("unique");
      }
      return flag("primary_key") || flag("unique") || flag("db_index");
    }

    public Optional<String> relatedName() {
      return declaration.kwargs().get("related_name") instanceof Str s ? Optional.of(s.value()) : Optional.empty();
    }

    public LocationInFile location() {
      return declaration.range().toLocation(fileId);
    }
  }

  /**
   * A manager's effect on its base queryset, when known: the lookups its {@code get_queryset()} selects/prefetches.
   */
  public record Manager(boolean known, Set<String> selectRelated, Set<String> prefetchRelated) {
    static final Manager PLAIN = new Manager(true, Set.of(), Set.of());
    static final Manager UNKNOWN = new Manager(false, Set.of(), Set.of());
  }

  /**
   * A model with its merged declarations.
   *
   * @param fields fields and managers by attribute name (a subclass declaration wins)
   * @param complete every model class of the hierarchy was read
   * @param indexes field lists of {@code Meta} indexes, {@code unique_together}, {@code index_together} and
   *   {@code UniqueConstraint}s of the model and its ancestors
   * @param uniqueSets field lists that are unique together (unique fields count as one-element sets)
   * @param metaComplete every {@code Meta} index/constraint declaration was a literal that could be read
   * @param managed false when {@code Meta.managed = False}
   */
  public record Model(ClassType type, Map<String, Field> fields, Map<String, Manager> managers, Set<String> members, boolean complete,
    List<List<String>> indexes, List<List<String>> uniqueSets, boolean metaComplete, boolean managed) {

    public Optional<Field> field(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    /**
     * True when {@code name} is surely not a declared field nor a class member: on a complete model, a related manager
     * read under that name is then a reverse relation (default {@code <model>_set} or a {@code related_name}).
     */
    public boolean isUndeclared(String name) {
      return complete && !fields.containsKey(name) && !members.contains(name) && !MODEL_MEMBERS.contains(name)
        && !name.startsWith("_") && !name.startsWith("get_");
    }

    /**
     * The model field a name in a unique set or lookup stands for: {@code author_id} is the column of the forward
     * relation {@code author}; any other name (including {@code object_id} next to a {@code GenericForeignKey} named
     * {@code object}, which is a field of its own) stands for itself.
     */
    public String fieldName(String name) {
      if (name.endsWith("_id") && !fields.containsKey(name)) {
        String relation = name.substring(0, name.length() - 3);
        if (field(relation).filter(f -> f.kind().isForwardSingle()).isPresent()) {
          return relation;
        }
      }
      return name;
    }

    /**
     * True when a lookup on these fields (names as {@link #fieldName} gives them) matches at most one row: they include
     * a unique set of the model.
     */
    public boolean coversUniqueSet(Set<String> lookup) {
      for (List<String> unique : uniqueSets) {
        if (unique.stream().map(this::fieldName).allMatch(lookup::contains)) {
          return true;
        }
      }
      return false;
    }

    /** The manager reached as {@code Model.<name>}: declared managers, or Django's automatic {@code objects}. */
    public Manager manager(String name) {
      Manager declared = managers.get(name);
      if (declared != null) {
        return declared;
      }
      if ("objects".equals(name) && complete && managers.isEmpty()) {
        return Manager.PLAIN;
      }
      return Manager.UNKNOWN;
    }
  }

  /** The model's declarations, or empty when the class is not a model or its own declaration cannot be read. */
  public static Optional<Model> of(ClassType model, SubscriptionContext ctx) {
    if (model == null || !ClassHierarchy.typeIsOrExtends(model, DjangoModelClasses.MODEL) || DJANGO_MODEL_BASES.contains(model.fullyQualifiedName())) {
      return Optional.empty();
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    Map<String, Manager> managers = new LinkedHashMap<>();
    Set<String> members = new HashSet<>();
    List<List<String>> indexes = new ArrayList<>();
    List<List<String>> uniqueSets = new ArrayList<>();
    boolean[] flags = {true, true, true};
    List<ClassType> order = new ArrayList<>();
    if (!linearize(model, order, new HashSet<>())) {
      flags[0] = false;
    }
    boolean first = true;
    for (ClassType type : order) {
      Optional<ModuleSummary> module = type.definitionLocation().flatMap(l -> ModuleSources.summaryAt(l, ctx));
      Optional<ClassSummary> declaration = module.flatMap(m -> type.definitionLocation().flatMap(l -> m.classAt(type.name(), l.startLine())));
      if (declaration.isEmpty()) {
        if (first) {
          return Optional.empty();
        }
        flags[0] = false;
        continue;
      }
      ClassSummary summary = declaration.get();
      summary.attributes().keySet().forEach(members::add);
      summary.methods().keySet().forEach(members::add);
      members.addAll(summary.otherMembers());
      if (ClassHierarchy.typeIsOrExtends(type, DjangoModelClasses.MODEL)) {
        readClass(module.get(), summary, fields, managers);
        readMeta(summary, indexes, uniqueSets, flags, first);
      }
      first = false;
    }
    fields.values().stream().filter(f -> f.flag("unique") || f.flag("primary_key") || f.kind() == Kind.ONE_TO_ONE)
      .forEach(f -> uniqueSets.add(List.of(f.name())));
    if (fields.values().stream().noneMatch(f -> f.flag("primary_key"))) {
      uniqueSets.add(List.of("id"));
    }
    return Optional.of(new Model(model, fields, managers, members, flags[0], indexes, uniqueSets, flags[1], flags[2]));
  }

  /**
   * Project classes of the hierarchy (models and mixins), most derived first, without Django's {@code Model}. False when
   * a base could not be followed (unresolved, a library class, or a Django abstract model with fields of its own).
   */
  private static boolean linearize(ClassType type, List<ClassType> order, Set<ClassType> seen) {
    if (!seen.add(type) || order.size() >= MAX_CLASSES) {
      return order.size() < MAX_CLASSES;
    }
    order.add(type);
    boolean known = true;
    for (TypeWrapper wrapper : type.superClasses()) {
      PythonType base = wrapper.type();
      if (base instanceof ClassType baseClass) {
        String fqn = baseClass.fullyQualifiedName();
        if (fqn != null && DJANGO_MODEL_BASES.contains(fqn)) {
          continue;
        }
        if (baseClass.definitionLocation().isEmpty()) {
          // a class of a library: its members (and fields, for a model) are not read
          known &= "object".equals(baseClass.name());
          continue;
        }
        known &= linearize(baseClass, order, seen);
      } else {
        known = false;
      }
    }
    return known;
  }

  private static void readClass(ModuleSummary module, ClassSummary declaration, Map<String, Field> fields, Map<String, Manager> managers) {
    for (Assigned attribute : declaration.attributes().values()) {
      if (fields.containsKey(attribute.name()) || managers.containsKey(attribute.name())) {
        continue;
      }
      if (!(attribute.value() instanceof Call call)) {
        continue;
      }
      Kind kind = kind(call, module);
      if (kind == Kind.MANAGER) {
        managers.put(attribute.name(), manager(call, module));
      }
      fields.put(attribute.name(), new Field(attribute.name(), kind, module.resolve(call.callee()), call, module.fileId()));
    }
  }

  static Kind kind(Call call, ModuleSummary module) {
    String callee = call.callee();
    String simple = call.simpleCallee();
    if ("?".equals(callee)) {
      return Kind.UNKNOWN;
    }
    if (FOREIGN_KEYS.contains(simple)) {
      return Kind.FOREIGN_KEY;
    }
    if (ONE_TO_ONES.contains(simple)) {
      return Kind.ONE_TO_ONE;
    }
    if (MANY_TO_MANYS.contains(simple)) {
      return Kind.MANY_TO_MANY;
    }
    if ("GenericForeignKey".equals(simple)) {
      return Kind.GENERIC_FOREIGN_KEY;
    }
    if ("GenericRelation".equals(simple)) {
      return Kind.GENERIC_RELATION;
    }
    if (simple.endsWith("Field")) {
      return Kind.FIELD;
    }
    if (simple.endsWith("Manager") || "as_manager".equals(simple)) {
      return Kind.MANAGER;
    }
    ClassSummary local = module.classes().get(callee);
    if (local != null && local.methods().containsKey("get_queryset")) {
      return Kind.MANAGER;
    }
    return Kind.UNKNOWN;
  }

  private static Manager manager(Call call, ModuleSummary module) {
    String simple = call.simpleCallee();
    if ("as_manager".equals(simple)) {
      return Manager.PLAIN;
    }
    String resolved = module.resolve(call.callee());
    if (resolved.startsWith("django.db.models") && (resolved.endsWith(".Manager") || resolved.endsWith(".BaseManager"))) {
      return Manager.PLAIN;
    }
    return localManager(module, call.callee(), 0);
  }

  private static Manager localManager(ModuleSummary module, String className, int depth) {
    ClassSummary managerClass = module.classes().get(className);
    if (managerClass == null || depth > 5) {
      return Manager.UNKNOWN;
    }
    MethodSummary getQueryset = managerClass.methods().get("get_queryset");
    if (getQueryset != null) {
      return new Manager(true, Set.copyOf(getQueryset.selectRelated()), Set.copyOf(getQueryset.prefetchRelated()));
    }
    for (Value base : managerClass.bases()) {
      if (base instanceof Dotted dotted) {
        String resolved = module.resolve(dotted.text());
        if (resolved.startsWith("django.db.models") && (resolved.endsWith(".Manager") || resolved.endsWith(".BaseManager"))) {
          return Manager.PLAIN;
        }
        if (module.classes().containsKey(dotted.text())) {
          return localManager(module, dotted.text(), depth + 1);
        }
      } else if (base instanceof Call baseCall && "from_queryset".equals(baseCall.simpleCallee())) {
        String owner = baseCall.callee().substring(0, Math.max(0, baseCall.callee().lastIndexOf('.')));
        String resolved = module.resolve(owner);
        if (resolved.startsWith("django.db.models") && (resolved.endsWith(".Manager") || resolved.endsWith(".BaseManager"))) {
          return Manager.PLAIN;
        }
        if (module.classes().containsKey(owner)) {
          return localManager(module, owner, depth + 1);
        }
      }
    }
    return Manager.UNKNOWN;
  }

  private static void readMeta(ClassSummary declaration, List<List<String>> indexes, List<List<String>> uniqueSets, boolean[] flags, boolean own) {
    Map<String, Value> meta = declaration.meta();
    if (own && meta.get("managed") instanceof Bool managed && !managed.value()) {
      flags[2] = false;
    }
    for (String key : List.of("unique_together", "index_together")) {
      Value value = meta.get(key);
      if (value == null) {
        continue;
      }
      List<List<String>> groups = fieldGroups(value);
      if (groups == null) {
        flags[1] = false;
        continue;
      }
      indexes.addAll(groups);
      if ("unique_together".equals(key)) {
        uniqueSets.addAll(groups);
      }
    }
    for (String key : List.of("indexes", "constraints")) {
      Value value = meta.get(key);
      if (value == null) {
        continue;
      }
      if (!(value instanceof Seq seq)) {
        flags[1] = false;
        continue;
      }
      for (Value element : seq.elements()) {
        readIndex(element, indexes, uniqueSets, flags);
      }
    }
  }

  private static void readIndex(Value element, List<List<String>> indexes, List<List<String>> uniqueSets, boolean[] flags) {
    if (!(element instanceof Call call)) {
      flags[1] = false;
      return;
    }
    String simple = call.simpleCallee();
    Optional<Value> fieldsValue = call.arg(-1, "fields");
    if (fieldsValue.isEmpty()) {
      // expression indexes/constraints, CheckConstraint: not about plain fields
      if (!"CheckConstraint".equals(simple)) {
        flags[1] = false;
      }
      return;
    }
    List<String> names = strings(fieldsValue.get());
    if (names == null) {
      flags[1] = false;
      return;
    }
    List<String> cleaned = names.stream().map(n -> n.startsWith("-") ? n.substring(1) : n).toList();
    if ("UniqueConstraint".equals(simple)) {
      uniqueSets.add(cleaned);
      indexes.add(cleaned);
    } else if (simple.endsWith("Index")) {
      indexes.add(cleaned);
    } else if (!"CheckConstraint".equals(simple)) {
      flags[1] = false;
    }
  }

  /** {@code ("a", "b")} or {@code (("a", "b"), ("c",))}; null when not literal. */
  private static List<List<String>> fieldGroups(Value value) {
    if (!(value instanceof Seq seq)) {
      return null;
    }
    if (seq.elements().isEmpty()) {
      return List.of();
    }
    if (seq.elements().get(0) instanceof Str) {
      List<String> single = strings(seq);
      return single == null ? null : List.of(single);
    }
    List<List<String>> groups = new ArrayList<>();
    for (Value element : seq.elements()) {
      List<String> group = strings(element);
      if (group == null) {
        return null;
      }
      groups.add(group);
    }
    return groups;
  }

  private static List<String> strings(Value value) {
    if (!(value instanceof Seq seq)) {
      return null;
    }
    List<String> result = new ArrayList<>();
    for (Value element : seq.elements()) {
      if (!(element instanceof Str s)) {
        return null;
      }
      result.add(s.value());
    }
    return result;
  }
}
