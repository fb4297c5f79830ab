-- History records what is known: a starting phase whose date nobody gave is kept undated rather than dated the day
-- it was typed in. Undated entries sort before dated ones.
alter table milestone alter column reached_on drop not null;
