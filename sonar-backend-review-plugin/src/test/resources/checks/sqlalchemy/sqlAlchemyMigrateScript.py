"""A sqlalchemy-migrate script: runs once, on the migration tool's engine."""
import sqlalchemy as sql


def upgrade(migrate_engine):
    session = sql.orm.sessionmaker(bind=migrate_engine)()
    session.execute(sql.text("update project set domain_id = 'default'"))
    session.commit()
    session.execute(sql.text("delete from legacy"))
    session.commit()
    session.close()
