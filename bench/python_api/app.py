"""The baseline for bench/api-bench.sh: the seed's stack, as simply as it is usually written.

Flask + SQLAlchemy (ORM), OFFSET pagination with a COUNT(*) per request, yearly statistics aggregated per
request from weather_observation. Reads the tables the ingest job loaded (values stored in tenths).

    DATABASE_URL=postgresql+psycopg2://postgres@127.0.0.1:5432/weather_bench \
        gunicorn -w 4 -b 127.0.0.1:18081 --chdir bench/python_api app:app

Needs the Debian packages python3-flask python3-sqlalchemy python3-psycopg2 gunicorn (run with /usr/bin/python3).
"""
import os
from datetime import date

from flask import Flask, jsonify, request
from sqlalchemy import Column, Date, Integer, String, create_engine, extract, func, select
from sqlalchemy.orm import declarative_base, sessionmaker

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/weather_bench")

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5, future=True)
Session = sessionmaker(bind=engine, future=True)
Base = declarative_base()


class Observation(Base):
    __tablename__ = "weather_observation"
    station_id = Column(String, primary_key=True)
    observation_date = Column(Date, primary_key=True)
    max_temp = Column(Integer)  # tenths of a degree C
    min_temp = Column(Integer)  # tenths of a degree C
    precipitation = Column(Integer)  # tenths of a mm
    quality_flags = Column(String)

    def to_dict(self):
        return {
            "station_id": self.station_id,
            "date": self.observation_date.isoformat(),
            "max_temp_c": None if self.max_temp is None else self.max_temp / 10,
            "min_temp_c": None if self.min_temp is None else self.min_temp / 10,
            "precipitation_mm": None if self.precipitation is None else self.precipitation / 10,
            "quality_flags": self.quality_flags.split(",") if self.quality_flags else [],
        }


app = Flask(__name__)


def bad_request(message):
    response = jsonify({"error": message})
    response.status_code = 400
    return response


def paging():
    page = request.args.get("page", 1, type=int)
    per_page = request.args.get("per_page", 50, type=int)
    if page < 1 or per_page < 1 or per_page > 1000:
        raise ValueError("page must be >= 1 and per_page between 1 and 1000")
    return page, per_page


def pagination(page, per_page, total):
    pages = (total + per_page - 1) // per_page
    return {"page": page, "per_page": per_page, "total": total, "pages": pages,
            "has_next": page < pages, "has_prev": page > 1}


@app.get("/api/weather")
def weather():
    try:
        page, per_page = paging()
        start = request.args.get("start_date")
        end = request.args.get("end_date")
        start = date.fromisoformat(start) if start else None
        end = date.fromisoformat(end) if end else None
    except ValueError as ex:
        return bad_request(str(ex))
    station_id = request.args.get("station_id")
    conditions = []
    if station_id:
        conditions.append(Observation.station_id == station_id)
    if start:
        conditions.append(Observation.observation_date >= start)
    if end:
        conditions.append(Observation.observation_date <= end)
    with Session() as session:
        total = session.execute(select(func.count()).select_from(Observation).where(*conditions)).scalar_one()
        rows = session.execute(
            select(Observation).where(*conditions)
            .order_by(Observation.station_id, Observation.observation_date)
            .offset((page - 1) * per_page).limit(per_page)).scalars().all()
        data = [row.to_dict() for row in rows]
    return jsonify({"data": data, "pagination": pagination(page, per_page, total)})


@app.get("/api/weather/stats")
def stats():
    try:
        page, per_page = paging()
        year = request.args.get("year", type=int)
    except ValueError as ex:
        return bad_request(str(ex))
    station_id = request.args.get("station_id")
    year_column = extract("year", Observation.observation_date).label("year")
    conditions = []
    if station_id:
        conditions.append(Observation.station_id == station_id)
    if year:
        conditions.append(Observation.observation_date >= date(year, 1, 1))
        conditions.append(Observation.observation_date <= date(year, 12, 31))
    grouped = (select(Observation.station_id, year_column,
                      (func.avg(Observation.max_temp) / 10.0).label("avg_max_temp_c"),
                      (func.avg(Observation.min_temp) / 10.0).label("avg_min_temp_c"),
                      (func.sum(Observation.precipitation) / 100.0).label("total_precipitation_cm"),
                      func.count(Observation.max_temp).label("max_temp_days"),
                      func.count(Observation.min_temp).label("min_temp_days"),
                      func.count(Observation.precipitation).label("precipitation_days"),
                      # the number of groups, in the same single aggregation (no second pass to count)
                      func.count().over().label("total"))
               .where(*conditions)
               .group_by(Observation.station_id, year_column))
    with Session() as session:
        rows = session.execute(grouped.order_by(Observation.station_id, year_column)
                               .offset((page - 1) * per_page).limit(per_page)).all()
    total = rows[0].total if rows else 0
    data = [{"station_id": r.station_id, "year": int(r.year),
             "avg_max_temp_c": None if r.avg_max_temp_c is None else round(float(r.avg_max_temp_c), 2),
             "avg_min_temp_c": None if r.avg_min_temp_c is None else round(float(r.avg_min_temp_c), 2),
             "total_precipitation_cm": None if r.total_precipitation_cm is None
             else round(float(r.total_precipitation_cm), 2),
             "max_temp_days": r.max_temp_days, "min_temp_days": r.min_temp_days,
             "precipitation_days": r.precipitation_days} for r in rows]
    return jsonify({"data": data, "pagination": pagination(page, per_page, total)})


if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", "18081")))
