"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendRow } from "@/lib/ui/to-trend-rows.ts";

export interface TrendSeries {
  /** A framework id, or `score` for the organization's score. */
  id: string;
  name: string;
}

const valueOf = (id: string) => (row: TrendRow) => (id === "score" ? row.score : (row.frameworks[id] ?? null));

/**
 * Readiness over time, one line per framework (and a dashed one for the whole organization), from the
 * stored snapshots. Colours come from CSS variables, so they follow the light or dark scheme; the table
 * next to it holds the same numbers.
 */
export function TrendChart({ rows, series, title }: { rows: TrendRow[]; series: TrendSeries[]; title: string }) {
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 288 }}>
        <LineChart data={rows} title={title} margin={{ top: 10, right: 20, bottom: 5, left: 0 }} accessibilityLayer>
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
          <XAxis dataKey="day" stroke="var(--muted)" tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <YAxis
            domain={[0, 100]}
            unit="%"
            stroke="var(--muted)"
            tick={{ fill: "var(--muted)", fontSize: 12 }}
            width={48}
          />
          <Tooltip
            contentStyle={{
              background: "var(--surface)",
              border: "1px solid var(--border-strong)",
              color: "var(--text)",
              borderRadius: 6,
            }}
            labelStyle={{ color: "var(--text)" }}
            formatter={(value) => (typeof value === "number" ? `${value}%` : "—")}
          />
          <Legend wrapperStyle={{ color: "var(--text)" }} />
          {series.map((s, i) => (
            <Line
              key={s.id}
              type="monotone"
              name={s.name}
              dataKey={valueOf(s.id)}
              stroke={s.id === "score" ? "var(--text)" : `var(--chart-${(i % 4) + 1})`}
              strokeWidth={2}
              strokeDasharray={s.id === "score" ? "6 4" : undefined}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
