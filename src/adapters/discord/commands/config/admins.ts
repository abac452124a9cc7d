import { SlashCommandSubcommandBuilder } from "discord.js";
import { UserError } from "../../../../core/errors.js";
import type { AdminEntry } from "../../../../core/types.js";
import { adminList } from "../../messages.js";
import type { ReadSubcommand } from "../types.js";

/**
 * `/read config admins action:list|add|remove [who:]`: anyone lists; admins add or remove a member or
 * a role, who can then change settings and post the roundup too.
 */
export default {
  group: "config",
  data: new SlashCommandSubcommandBuilder()
    .setName("admins")
    .setDescription("Who can change settings and post the roundup")
    .addStringOption((o) =>
      o
        .setName("action")
        .setDescription("List them, or add or remove one (admins)")
        .setRequired(true)
        .addChoices(
          { name: "list", value: "list" },
          { name: "add", value: "add" },
          { name: "remove", value: "remove" },
        ),
    )
    .addMentionableOption((o) => o.setName("who").setDescription("A member or a role")),
  async execute(ctx) {
    const options = ctx.interaction.options;
    const action = options.getString("action", true);
    if (action === "list") {
      await ctx.reply({
        content: `Admins: ${adminList((await ctx.deps.core.getSettings({ workspace: ctx.workspace })).admins)}`,
      });
      return;
    }
    await ctx.requireAdmin("change who the admins are");
    const who = options.get("who");
    if (!who || typeof who.value !== "string") {
      throw new UserError("admin.who", `Say who: /read config admins action:${action} who:@someone`);
    }
    const isRole = Boolean(who.role) || Boolean(options.resolved?.roles?.has(who.value));
    if (isRole && who.value === ctx.guildId) {
      throw new UserError("admin.everyone", "Everyone can't be an admin; pick a role or a member.");
    }
    const admin: AdminEntry = { kind: isRole ? "role" : "user", id: who.value };
    const mention = isRole ? `<@&${admin.id}>` : `<@${admin.id}>`;
    if (action === "add") {
      await ctx.deps.core.addAdmin({ workspace: ctx.workspace, admin });
      await ctx.reply({ content: `✅ ${mention} can now change settings and post the roundup.` });
    } else {
      await ctx.deps.core.removeAdmin({ workspace: ctx.workspace, admin });
      await ctx.reply({ content: `${mention} is no longer an added admin.` });
    }
  },
} satisfies ReadSubcommand;
