# Renders each NUL-separated text of stdin as Jekyll renders a post (its filters and
# tags, Liquid's "warn" error mode, `render!`: an error raised while rendering ends the
# build) and prints one JSON line for each: {"error": message} or {"output": text}.
require "jekyll"
require "json"
require "tmpdir"

Dir.mktmpdir do |dir|
  site = Jekyll::Site.new(Jekyll.configuration("source" => dir, "destination" => File.join(dir, "_site"),
                                               "quiet" => true))
  payload = { "page" => { "title" => "T", "date" => Time.utc(2024, 3, 6), "tags" => ["a", "b"] },
              "site" => { "posts" => [{ "title" => "P", "layout" => "post" }], "title" => "S" },
              "a" => 1, "b" => 2, "x" => "word", "items" => [1, 2, 3] }
  STDIN.read.split("\u0000", -1).each do |text|
    begin
      template = Liquid::Template.parse(text, error_mode: :warn)
      output = template.render!(Marshal.load(Marshal.dump(payload)), registers: { site: site })
      puts JSON.generate("output" => output)
    rescue Exception => e # Jekyll reports each as a Liquid Exception and stops the build
      puts JSON.generate("error" => e.message.lines.first.to_s.strip)
    end
  end
end
