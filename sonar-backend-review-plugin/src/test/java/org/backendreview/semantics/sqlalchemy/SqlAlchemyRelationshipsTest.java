/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class SqlAlchemyRelationshipsTest {

  private static final String MODELS = """
    import sqlalchemy as sa
    from sqlalchemy import orm
    from sqlalchemy.orm import DeclarativeBase, Mapped, WriteOnlyMapped, relationship
    from sqlmodel import Relationship, SQLModel

    class Base(DeclarativeBase):
        pass

    class Parent(Base):
        __tablename__ = "parent"
        children: Mapped[list["Child"]] = relationship()
        eager = relationship("Child", lazy="selectin")
        explicit = orm.relationship("Child", lazy="select")
        aliased = sa.orm.relationship("Child", lazy=True)
        unknown = relationship("Child", lazy=STRATEGY)
        spread = relationship("Child", **OPTIONS)
        column = sa.Column(sa.Integer)
        written: WriteOnlyMapped["Child"] = relationship()
        dynamic: orm.DynamicMapped["Child"] = relationship()

    class Derived(Parent):
        children = None

    class Sub(Parent):
        pass

    class Hero(SQLModel, table=True):
        team: "Team" = Relationship(back_populates="heroes")
        tags: list["Tag"] = Relationship(sa_relationship_kwargs={"lazy": "joined"})
        raw: list["Tag"] = Relationship(sa_relationship_kwargs=KW)
    """;

  @Test
  void relationships_of_classes_in_another_module() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("app/__init__.py", "");
    files.put("app/models.py", MODELS);
    files.put("app/views.py", """
      from app.models import Parent, Derived, Sub, Hero
      Parent
      Derived
      Sub
      Hero
      """);
    List<String> found = new ArrayList<>();
    Analysis.onEach(files, "app/views.py", Tree.Kind.EXPRESSION_STMT, (tree, ctx) -> {
      Name name = (Name) ((org.sonar.plugins.python.api.tree.ExpressionStatement) tree).expressions().get(0);
      var type = (org.sonar.plugins.python.api.types.v2.ClassType) name.typeV2();
      for (String attribute : List.of("children", "eager", "explicit", "aliased", "unknown", "spread", "column", "written", "dynamic", "team",
        "tags", "raw", "missing")) {
        SqlAlchemyRelationships.relationship(type, attribute, ctx)
          .ifPresent(r -> found.add(name.name() + "." + attribute + "=" + r.owner() + (r.lazy() ? ":lazy" : ":other") + "@" + r.declaration().line()));
      }
    });
    assertThat(found).containsExactly(
      "Parent.children=Parent:lazy@11", "Parent.eager=Parent:other@12", "Parent.explicit=Parent:lazy@13", "Parent.aliased=Parent:lazy@14",
      "Parent.unknown=Parent:other@15", "Parent.spread=Parent:other@16", "Parent.written=Parent:other@18", "Parent.dynamic=Parent:other@19",
      "Derived.eager=Parent:other@12", "Derived.explicit=Parent:lazy@13", "Derived.aliased=Parent:lazy@14", "Derived.unknown=Parent:other@15",
      "Derived.spread=Parent:other@16", "Derived.written=Parent:other@18", "Derived.dynamic=Parent:other@19",
      "Sub.children=Parent:lazy@11", "Sub.eager=Parent:other@12", "Sub.explicit=Parent:lazy@13", "Sub.aliased=Parent:lazy@14",
      "Sub.unknown=Parent:other@15", "Sub.spread=Parent:other@16", "Sub.written=Parent:other@18", "Sub.dynamic=Parent:other@19",
      "Hero.team=Hero:lazy@28", "Hero.tags=Hero:other@29", "Hero.raw=Hero:other@30");
  }

  @Test
  void loads_of_entities() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("app/__init__.py", "");
    files.put("app/models.py", MODELS);
    files.put("app/views.py", """
      from sqlalchemy import select
      from sqlalchemy.orm import selectinload
      from app.models import Parent

      async def f(session, other):
          a = session.scalars(select(Parent))
          b = session.execute(select(Parent).where(Parent.id == 1)).scalars().all()
          c = session.execute(select(Parent))
          d = session.query(Parent).filter_by(id=1).all()
          e = await session.scalars(select(Parent).options(selectinload(Parent.children)))
          f = Parent.query.all()
          g = session.scalars(select(Parent.id))
          h = session.query(Parent, other)
          i = session.scalars(select(Parent).with_only_columns(Parent.id))
          j = (await session.execute(select(Parent))).scalars()
      """);
    List<String> found = new ArrayList<>();
    Analysis.onEach(files, "app/views.py", Tree.Kind.ASSIGNMENT_STMT, (tree, ctx) -> {
      AssignmentStatement assignment = (AssignmentStatement) tree;
      String target = ((Name) assignment.lhsExpressions().get(0).expressions().get(0)).name();
      found.add(target + "=" + SqlAlchemyRelationships.loadOf(assignment.assignedValue(), ctx)
        .map(l -> l.entity().name() + (l.awaited() ? ":awaited" : "") + (l.optionsMayLoad("children") ? ":children" : "")
          + (l.optionsMayLoad("eager") ? ":eager" : ""))
        .orElse("-"));
    });
    assertThat(found).containsExactly("a=Parent", "b=Parent", "c=-", "d=Parent", "e=Parent:awaited:children", "f=Parent", "g=-", "h=-", "i=-",
      "j=Parent:awaited");
  }
}
