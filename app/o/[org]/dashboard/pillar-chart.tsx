"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Stage } from "@/lib/scoring/scoring-types.ts";

export interface PillarBar {
  id: string;
  name: string;
  score: number;
  stage: Stage;
  stageLabel: string;
  /** The drill-down list of this pillar's gaps. */
  href: string;
}

/**
 * Zero Trust pillars: one bar per pillar (its score), labelled with its maturity stage and coloured by
 * it. Clicking a bar opens the list of that pillar's open requirements; the table below offers the same
 * as links for keyboard and screen reader users.
 */
export function PillarChart({ pillars, title }: { pillars: PillarBar[]; title: string }) {
  const router = useRouter();
  return (
    <div className="chart chart-clickable">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 288 }}>
        <BarChart data={pillars} title={title} margin={{ top: 24, right: 10, bottom: 5, left: 0 }} accessibilityLayer>
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" stroke="var(--muted)" tick={{ fill: "var(--muted)", fontSize: 12 }} interval={0} />
          <YAxis
            domain={[0, 100]}
            unit="%"
            stroke="var(--muted)"
            tick={{ fill: "var(--muted)", fontSize: 12 }}
            width={48}
          />
          <Tooltip
            cursor={{ fill: "var(--surface-muted)" }}
            contentStyle={{
              background: "var(--surface)",
              border: "1px solid var(--border-strong)",
              color: "var(--text)",
              borderRadius: 6,
            }}
            labelStyle={{ color: "var(--text)" }}
            formatter={(value) => (typeof value === "number" ? `${value}%` : "—")}
          />
          <Bar
            dataKey="score"
            name="Score"
            minPointSize={3}
            isAnimationActive={false}
            onClick={(_, index) => {
              const target = pillars[index];
              if (target) router.push(target.href);
            }}
            shape={(props) => (
              <Rectangle {...props} fill={`var(--stage-${pillars[props.index]?.stage ?? "traditional"})`} />
            )}
          >
            <LabelList dataKey="stageLabel" position="top" fill="var(--text)" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
