import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MinutesText } from "./MinutesText";

const render = (markdown: string) => renderToStaticMarkup(createElement(MinutesText, null, markdown));

describe("minutes as markdown", () => {
  it("renders headings below the item's own and lists", () => {
    const html = render("# Protocol\n\n- first change\n- second change\n\nAgreed with **two changes**.");
    expect(html).toContain("<h5>Protocol</h5>");
    expect(html).toContain("<ul>\n<li>first change</li>\n<li>second change</li>\n</ul>");
    expect(html).toContain("<strong>two changes</strong>");
  });

  it("leaves raw HTML out, so a script in the minutes never runs and no stray tag shows as text", () => {
    const html = render('Before <script>alert("x")</script> after\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("&lt;script");
    expect(html).not.toContain("onerror");
    expect(html).toContain("Before");
    expect(html).toContain("after");
  });

  it("drops javascript: links", () => {
    expect(render("[click](javascript:alert(1))")).not.toContain("javascript:");
  });
});
